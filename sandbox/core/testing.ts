import { onTestFinished } from "vitest";
import type { z } from "zod";
import type { SeedChatSchema, SeededChat } from "@/sandbox/core/seed-chat";

/** For tests: a fake started for the running test, closed when the test ends (passed or failed). */
export async function fakeForTest<Fake extends { close: () => Promise<void> }>(starting: Promise<Fake>): Promise<Fake> {
  const fake = await starting;
  onTestFinished(() => fake.close());
  return fake;
}

/** For tests: makes a chat at a running sandbox provider through `POST /__sandbox/chats`. */
export async function seedChatAt(fake: { url: string }, input: z.input<typeof SeedChatSchema>): Promise<SeededChat> {
  const response = await fetch(`${fake.url}/__sandbox/chats`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as SeededChat & { error?: string };
  if (response.status !== 200) throw new Error(`seeding a chat failed with ${response.status}: ${body.error}`);
  return body;
}
