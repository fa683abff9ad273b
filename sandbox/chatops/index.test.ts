/**
 * The sandbox Chat operations API on its own: the constraints it enforces, its filters and
 * its data. Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatOpsFakeOptions, startChatOpsFake } from "@/sandbox/chatops/index";
import type { SandboxFake } from "@/sandbox/core/provider";
import { fakeForTest } from "@/sandbox/core/testing";

const SEED_CHAT = "9a983789-1709-4543-aa31-a02867680017";
const CHATS = "/api/v1/private/chats";

type RawChat = {
  id: string;
  isActive: boolean;
  title: Array<{ value: string; capturedAt: string }>;
  participants: Array<{ userProperties: { username: string }; participations: Array<{ isActive: boolean }> }>;
};

const fakeWith = (options: ChatOpsFakeOptions = {}) => fakeForTest(startChatOpsFake(options));

function api(fake: SandboxFake, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fake.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json", ...init.headers },
  });
}

async function rawChats(fake: SandboxFake): Promise<RawChat[]> {
  const response = await api(fake, `${CHATS}/?size=200`);
  return ((await response.json()) as { records: RawChat[] }).records;
}

describe("the default sandbox", () => {
  let fake: SandboxFake;

  beforeAll(async () => {
    fake = await startChatOpsFake();
  });
  afterAll(() => fake.close());

  it("holds realistic data: renamed, inactive, multilingual chats, bots and members who left", async () => {
    const chats = await rawChats(fake);
    expect(chats.some((chat) => chat.title.length > 1)).toBe(true);
    expect(chats.some((chat) => !chat.isActive)).toBe(true);
    expect(chats.some((chat) => chat.title.some((title) => /[а-яё]/i.test(title.value)))).toBe(true);
    expect(chats.some((chat) => chat.title.some((title) => /[іїєґ]/i.test(title.value)))).toBe(true);
    const participants = chats.flatMap((chat) => chat.participants);
    const botNames = new Set(
      participants.map((p) => p.userProperties.username).filter((username) => /bot$/i.test(username)),
    );
    expect(botNames.size).toBeGreaterThan(1);
    expect(participants.some((p) => p.participations.at(-1)?.isActive === false)).toBe(true);
    const sizes = fake.snapshot().chats.map((chat) => chat.messageExternalIds.length);
    expect(Math.max(...sizes)).toBe(300);
  });

  it("refuses what the documents constrain in the fake too (400)", async () => {
    const post = (body: unknown) => api(fake, CHATS, { method: "POST", body: JSON.stringify(body) });
    expect((await post({ title: "x", createdBy: "я".repeat(51) })).status).toBe(400);
    expect((await post({ title: "x", description: "d".repeat(256) })).status).toBe(400);
    expect((await post({ description: "no title" })).status).toBe(400);
    expect((await api(fake, `${CHATS}/?size=201`)).status).toBe(400);
    expect((await api(fake, `${CHATS}/?page=-1`)).status).toBe(400);
    expect((await api(fake, `${CHATS}/?sort=colour`)).status).toBe(400);
    expect((await api(fake, `${CHATS}/?isActive=maybe`)).status).toBe(400);
    const refused = await api(fake, `${CHATS}/?size=500`);
    expect(await refused.json()).toMatchObject({
      status: 400,
      error: "Bad Request",
      message: expect.stringContaining("200"),
    });
  });

  it("filters the list by activity and registration date", async () => {
    const inactive = (await (await api(fake, `${CHATS}/?isActive=false&size=200`)).json()) as { records: RawChat[] };
    expect(inactive.records.length).toBeGreaterThan(0);
    expect(inactive.records.every((chat) => !chat.isActive)).toBe(true);
    const lateOnDay = (await (await api(fake, `${CHATS}/?fromDate=2024-12-11T08:00:00&toDate=2024-12-11`)).json()) as {
      records: RawChat[];
    };
    expect(lateOnDay.records.map((chat) => chat.id)).toEqual([SEED_CHAT]);
  });
});

describe("sandbox data", () => {
  it("is the same for the same seed and different for another", async () => {
    const [first, again, other] = await Promise.all([
      fakeWith({ seed: 7 }),
      fakeWith({ seed: 7 }),
      fakeWith({ seed: 8 }),
    ]);
    expect(again.snapshot()).toEqual(first.snapshot());
    expect(other.snapshot()).not.toEqual(first.snapshot());
  });

  it("scales past 10,000 messages quickly", async () => {
    const startedAt = Date.now();
    const fake = await fakeWith({ data: { chats: 400, messagesPerChat: 26 } });
    const total = fake.snapshot().chats.reduce((sum, chat) => sum + chat.messageExternalIds.length, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });
});
