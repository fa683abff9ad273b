import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import type { ProviderKind } from "@/lib/providers/types";
import type { SeedChatSchema, SeededChat } from "@/sandbox/core/seed-chat";

export type SeedChatRequest = z.input<typeof SeedChatSchema>;

/** A request a sandbox provider received (sandbox/core RecordedCall). */
export type SandboxCall = {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  fault: string | null;
  status: number;
};

/** The sandbox providers of the demo server under test (written by `npm start` in demo mode). */
async function sandboxUrl(kind: ProviderKind): Promise<string> {
  const file = path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", "sandbox.json");
  const addresses = JSON.parse(await readFile(file, "utf8")) as Partial<Record<ProviderKind, string>>;
  const url = addresses[kind];
  if (!url) throw new Error(`No ${kind} sandbox in ${file}`);
  return url;
}

async function control(kind: ProviderKind, name: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${await sandboxUrl(kind)}/__sandbox/${name}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${kind} ${name}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Every request the provider got since `since` (ms epoch). */
export async function sandboxCalls(kind: ProviderKind, since = 0): Promise<SandboxCall[]> {
  const { calls } = (await control(kind, "calls")) as { calls: SandboxCall[] };
  return calls.filter((call) => call.at >= since);
}

/** `{ forceStatus: 400 }` makes every provider request fail; `{ forceStatus: null }` restores it. */
export async function setSandboxFaults(kind: ProviderKind, faults: Record<string, unknown>): Promise<void> {
  await control(kind, "faults", faults);
}

/** A customer writes to the provider (a new chat when no chat id is given). */
export async function injectMessage(
  kind: ProviderKind,
  input: { chatExternalId?: string; text: string; authorName?: string },
): Promise<{ chatExternalId: string; messageExternalId: string }> {
  return (await control(kind, "inject-message", input)) as { chatExternalId: string; messageExternalId: string };
}

/** The request body as text, whatever its format (JSON, XML, form), for "did the provider get this text". */
export const bodyText = (call: SandboxCall) => (typeof call.body === "string" ? call.body : JSON.stringify(call.body));

/** A chat made at a sandbox provider (sandbox/core/seed-chat.ts describes every option). */
export async function seedChat(kind: ProviderKind, input: SeedChatRequest): Promise<SeededChat> {
  return (await control(kind, "chats", input)) as SeededChat;
}

/** What SmartSender's sandbox downloaded for media sends (the URLs it was given, and how many bytes came). */
export async function downloadedMedia(): Promise<Array<{ url: string; contentType: string | null; bytes: number }>> {
  return (await control("smartsender", "downloaded-media")) as Array<{
    url: string;
    contentType: string | null;
    bytes: number;
  }>;
}

/** The files MAX's sandbox received through its upload service. */
export async function maxUploads(): Promise<
  Array<{ type: string; fileName: string; contentType: string; size: number }>
> {
  return (await control("max", "uploads")) as Array<{
    type: string;
    fileName: string;
    contentType: string;
    size: number;
  }>;
}
