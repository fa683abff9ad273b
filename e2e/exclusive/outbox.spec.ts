import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import type { ChatListItem, ChatListPage } from "@/lib/chats/list-chats";
import type { UnreadCounts } from "@/lib/chats/unread-counts";
import type { ConnectionSummary } from "@/lib/connections/list-connections";
import { openSse } from "@/lib/events/testing/sse-client";
import { freePort } from "@/lib/server/free-port";
import { startAppProcess } from "../support/app-process";
import { customerChat } from "../support/own-chat";
import { expect, test } from "../support/test";

// Runs alone (e2e/exclusive): it forces the shared SmartSender sandbox to answer 503 for a while.
// The demo server polls its providers every 2 s (e2e/support/global-setup.ts).
const SYNC_POLL_MS = 2_000;

test.describe.configure({ mode: "serial", timeout: 180_000 });

type RecordedCall = { at: number; method: string; path: string; fault: string | null; status: number };

async function smartSenderSandboxUrl(): Promise<string> {
  const file = path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", "sandbox.json");
  const addresses = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  const url = addresses.smartsender;
  if (!url) throw new Error(`No SmartSender sandbox in ${file}`);
  return url;
}

async function json<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

async function readCalls(fakeUrl: string, externalId: string): Promise<RecordedCall[]> {
  const response = await fetch(`${fakeUrl}/__sandbox/calls`);
  const { calls } = (await response.json()) as { calls: RecordedCall[] };
  return calls.filter((call) => call.method === "PUT" && call.path === `/v1/chats/${externalId}/read`);
}

async function setFaults(fakeUrl: string, faults: Record<string, unknown>) {
  const response = await fetch(`${fakeUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

/**
 * The badge is right when the connection's unread total is what its chats add up to; read
 * until a moment when no sync write came between the two requests.
 */
async function expectCountsConsistent(api: APIRequestContext, connectionId: string) {
  await expect
    .poll(async () => {
      const counts = await json<UnreadCounts>(api, "/api/counts");
      const page = await json<ChatListPage>(api, `/api/chats?connection=${connectionId}&unread=1&limit=200`);
      const listed = page.items.reduce((sum, chat) => sum + chat.unreadCount, 0);
      return (counts.byConnection[connectionId]?.unread ?? 0) - listed;
    })
    .toBe(0);
}

async function unreadOf(api: APIRequestContext, chatId: number): Promise<number> {
  return (await json<ChatListItem>(api, `/api/chats/${chatId}`)).unreadCount;
}

/**
 * A live-update stream read in the signed-in page, through the production server; resolves
 * once the stream is live (its first bytes come after the server subscribed it).
 */
async function listenInPage(page: Page) {
  await page.evaluate(async () => {
    const events: unknown[] = [];
    Object.assign(window, { outboxSpecEvents: events });
    const response = await fetch("/api/events", { headers: { accept: "text/event-stream" } });
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no event stream");
    const decoder = new TextDecoder();
    const first = await reader.read();
    let buffer = decoder.decode(first.value);
    void (async () => {
      for (;;) {
        for (const line of buffer.split("\n")) if (line.startsWith("data: ")) events.push(JSON.parse(line.slice(6)));
        buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
        const next = await reader.read();
        if (next.done) return;
        buffer += decoder.decode(next.value, { stream: true });
      }
    })();
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { outboxSpecEvents: Array<{ type: string; chatId?: number }> }).outboxSpecEvents,
    );
}

test("mark read while SmartSender answers 503: the badge stays right, and the provider hears it exactly once", async ({
  page,
}) => {
  const api = page.request;
  const fakeUrl = await smartSenderSandboxUrl();
  const connections = await json<ConnectionSummary[]>(api, "/api/connections");
  const smartSender = connections.find((connection) => connection.kind === "smartsender");
  if (!smartSender) throw new Error("The demo has no SmartSender connection");

  // An unread SmartSender chat of this test's own, once the sync has stored it.
  const chat = await customerChat(api, "smartsender", "Outbox customer", "Здравствуйте", "Подскажите статус заказа");
  const { externalId } = chat;
  expect(chat.unreadCount).toBeGreaterThan(0);
  await page.goto("/");
  const events = await listenInPage(page);

  await setFaults(fakeUrl, { forceStatus: 503 });
  try {
    const read = await api.post(`/api/chats/${chat.id}/read`, {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: {},
    });
    expect(read.status()).toBe(200);
    expect(await read.json()).toEqual({ unreadCount: 0 });
    expect(await unreadOf(api, chat.id)).toBe(0);
    await expectCountsConsistent(api, smartSender.id);
    // Browsers hear it at once, through the production server's event stream.
    await expect
      .poll(async () => (await events()).some((event) => event.type === "chat.changed" && event.chatId === chat.id))
      .toBe(true);

    // The outbox keeps trying and is refused; sync cycles fail too; the badge does not come back.
    await expect
      .poll(async () => (await readCalls(fakeUrl, externalId)).length, { timeout: 20_000 })
      .toBeGreaterThan(1);
    await page.waitForTimeout(2 * SYNC_POLL_MS + 500);
    const whileDown = await readCalls(fakeUrl, externalId);
    expect(whileDown.every((call) => call.fault === "status_503")).toBe(true);
    expect(await unreadOf(api, chat.id)).toBe(0);
    await expectCountsConsistent(api, smartSender.id);
  } finally {
    await setFaults(fakeUrl, { forceStatus: null });
  }

  const delivered = async () => (await readCalls(fakeUrl, externalId)).filter((call) => call.status === 200);
  await expect.poll(async () => (await delivered()).length, { timeout: 60_000 }).toBe(1);
  // Further sync cycles and retries change nothing: one delivery, still read everywhere.
  await page.waitForTimeout(2 * SYNC_POLL_MS + 500);
  expect(await delivered()).toHaveLength(1);
  expect(await unreadOf(api, chat.id)).toBe(0);
  await expectCountsConsistent(api, smartSender.id);
});

test("stopping a server ends its live-update streams at once, so clients reconnect elsewhere", async () => {
  const dataDir = ".data/e2e-sse-shutdown";
  await rm(dataDir, { recursive: true, force: true });
  const email = "shutdown@inbox.local";
  const password = "shutdown-password";
  const app = await startAppProcess({
    INBOX_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    ADMIN_EMAIL: email,
    ADMIN_PASSWORD: password,
    SYNC_ENABLED: "false",
  });
  try {
    const signedIn = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email, password }),
    });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const streams = await Promise.all([1, 2, 3].map(() => openSse(`${app.url}/api/events`, { cookie })));
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200]);
    await expect.poll(() => streams.every((stream) => stream.retryMs === 2_000)).toBe(true);

    const stopping = Date.now();
    await app.stop("SIGTERM");
    expect(Date.now() - stopping).toBeLessThan(10_000);
    await Promise.all(streams.map((stream) => stream.ended));
  } finally {
    await app.stop("SIGKILL");
  }
});
