import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/events/route";
import { auth } from "@/lib/auth/auth";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { closeSessionWatch } from "@/lib/auth/session-watch";
import { createPrismaClient, type Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { closeChangeListener, liveSubscriberCount } from "@/lib/events/listen";
import { pruneChangeEvents } from "@/lib/events/prune";
import { createChangeStream } from "@/lib/events/stream";
import { openSse, type SseConnection } from "@/lib/events/testing/sse-client";
import { ingestChats } from "@/lib/ingest/ingest";
import { chatRow, storedConnection } from "@/lib/ingest/testing/rows";
import { recordPresence } from "@/lib/presence/record-presence";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const EMAIL = "agent@example.com";
const PASSWORD = "correct-horse-battery";

let database: TestDatabase;
/** Another app instance writing changes (its own pool). */
let otherInstance: Db;
let server: http.Server;
let baseUrl: string;
let cookie: string;
const open: SseConnection[] = [];

/** Serves the route handler over real HTTP the way Next's server does: a Request in, a streamed body out. */
function serveRoute(handler: typeof GET): http.Server {
  return http.createServer(async (req, res) => {
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await handler(new Request(`${baseUrl}${req.url ?? "/"}`, { headers, signal: aborted.signal }), {
      params: Promise.resolve({}),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done || !value) break;
      res.write(value);
    }
    res.end();
  });
}

async function signIn(): Promise<string> {
  const response = await auth().api.signInEmail({ body: { email: EMAIL, password: PASSWORD }, asResponse: true });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

async function connect(headers: Record<string, string> = {}, query = ""): Promise<SseConnection> {
  const connection = await openSse(`${baseUrl}/api/events${query}`, { cookie, ...headers });
  open.push(connection);
  return connection;
}

const parsed = (connection: SseConnection) => connection.messages.map((message) => JSON.parse(message.data));
const chatChanged = (chatId: number) => ({ type: "chat.changed" as const, chatId, connectionId: "c-1" });
const isChat = (chatId: number) => (message: { data: string }) => JSON.parse(message.data).chatId === chatId;

async function until(what: string, check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url, secretKey: "events-route-test-secret-0123456789abcdef" });
  otherInstance = createPrismaClient(database.url, 4);
  await ensureAdmin(database.prisma, EMAIL, PASSWORD);
  server = serveRoute(GET);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cookie = await signIn();
});

afterAll(async () => {
  for (const connection of open) connection.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeChangeListener();
  await closeSessionWatch();
  await otherInstance.$disconnect();
  await database.drop();
});

describe("GET /api/events", () => {
  it("answers 401 in the API's error shape without a session", async () => {
    const response = await fetch(`${baseUrl}/api/events`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to continue" } });
  });

  it("streams each change another instance commits, at once, with its id", async () => {
    const connection = await connect();
    expect(connection.status).toBe(200);
    expect(connection.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(connection.headers.get("cache-control")).toContain("no-transform");
    await until("the retry hint", () => connection.retryMs !== null);
    expect(connection.retryMs).toBe(2_000);

    const committedAt = Date.now();
    await emitChanges(otherInstance, [chatChanged(1), { type: "messages.changed", chatId: 1, messageIds: [5, 6] }]);
    const received = await connection.waitFor((message) => JSON.parse(message.data).type === "messages.changed");
    expect(received.receivedAt - committedAt).toBeLessThan(1_000);
    const [first, second] = parsed(connection);
    expect(first).toEqual({ ...chatChanged(1), id: expect.stringMatching(/^\d+$/) });
    expect(second).toEqual({
      type: "messages.changed",
      chatId: 1,
      messageIds: [5, 6],
      id: String(Number(first.id) + 1),
    });
    expect(connection.lastEventId()).toBe(second.id);
  });

  it("resumes from Last-Event-ID after a disconnect without losing what happened meanwhile", async () => {
    const subscribersBefore = liveSubscriberCount();
    const first = await connect();
    await emitChanges(otherInstance, [chatChanged(10)]);
    await first.waitFor(isChat(10));
    expect(liveSubscriberCount()).toBe(subscribersBefore + 1);
    const resumeFrom = first.lastEventId();
    first.close();
    // The server lets go of a client that went away.
    await until("the stream's clean-up", () => liveSubscriberCount() === subscribersBefore);

    await emitChanges(otherInstance, [chatChanged(11)]);
    await emitChanges(otherInstance, [chatChanged(12), chatChanged(13)]);
    const resumed = await connect({ "last-event-id": resumeFrom ?? "" });
    await resumed.waitFor(isChat(13));
    await emitChanges(otherInstance, [chatChanged(14)]);
    await resumed.waitFor(isChat(14));
    expect(parsed(resumed).map((event) => event.chatId)).toEqual([11, 12, 13, 14]);

    // Clients that reconnect by hand pass the id as a query parameter.
    const manual = await connect({}, `?lastEventId=${resumeFrom}`);
    await manual.waitFor(isChat(14));
    expect(parsed(manual).map((event) => event.chatId)).toEqual([11, 12, 13, 14]);
  });

  it("gives a fresh client its resume point at once, so a reconnect before its first event misses nothing", async () => {
    const first = await connect();
    await until("the stream to be live", () => first.retryMs !== null);
    const resumeFrom = first.lastEventId();
    expect(resumeFrom).toMatch(/^\d+$/);
    expect(first.messages).toEqual([]);
    first.close();
    await emitChanges(otherInstance, [chatChanged(15)]);
    const resumed = await connect({ "last-event-id": resumeFrom ?? "" });
    await resumed.waitFor(isChat(15));
    expect(parsed(resumed).map((event) => event.chatId)).toEqual([15]);
  });

  it("tells a client to refetch everything when the events it missed were pruned", async () => {
    const first = await connect();
    await emitChanges(otherInstance, [chatChanged(20)]);
    await first.waitFor(isChat(20));
    const resumeFrom = first.lastEventId();
    first.close();
    await emitChanges(otherInstance, [chatChanged(21)]);
    await pruneChangeEvents(database.prisma, 0);
    await emitChanges(otherInstance, [chatChanged(22)]);

    const resumed = await connect({ "last-event-id": resumeFrom ?? "" });
    const resync = await resumed.waitFor((message) => JSON.parse(message.data).type === "resync");
    expect(resync.id).toMatch(/^\d+$/);
    expect(parsed(resumed)[0]).toMatchObject({ type: "resync" });
    await emitChanges(otherInstance, [chatChanged(23)]);
    await resumed.waitFor(isChat(23));
  });

  it("streams presence from another instance as its own event, which never moves the resume point", async () => {
    const connectionId = await storedConnection(database.prisma);
    const chats = await ingestChats(database.prisma, connectionId, [chatRow("presence-chat")]);
    const chatId = chats.get("presence-chat") as number;
    const userId = (await database.prisma.user.findFirstOrThrow({ where: { email: EMAIL } })).id;
    const connection = await connect();
    await until("the stream to be live", () => connection.lastEventId() !== null);
    const resumePoint = connection.lastEventId();

    const tab = randomUUID();
    const openedAt = Date.now();
    await recordPresence(otherInstance, { userId, chatId, request: { tab, state: "viewing" } });
    const viewing = await connection.waitFor((message) => message.event === "presence");
    expect(viewing.receivedAt - openedAt).toBeLessThan(1_000);
    expect(viewing.id).toBeNull();
    expect(JSON.parse(viewing.data)).toEqual({ tab, chatId, userId, state: "viewing" });
    await recordPresence(otherInstance, { userId, chatId, request: { tab, state: "left" } });
    await connection.waitFor((message) => message.event === "presence" && JSON.parse(message.data).state === "left");
    expect(connection.lastEventId()).toBe(resumePoint);
  });
});

describe("a revoked session (finding 4)", () => {
  /** The session row behind a cookie of ours: the newest one. */
  const newestSession = () => database.prisma.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });

  it("ends its open stream and is refused within 5 s when another instance deletes the session row", async () => {
    const ownCookie = await signIn();
    const session = await newestSession();
    const connection = await openSse(`${baseUrl}/api/events`, { cookie: ownCookie });
    open.push(connection);
    await until("the stream to be live", () => connection.retryMs !== null);
    const revokedAt = Date.now();
    await otherInstance.session.delete({ where: { id: session.id } });
    await Promise.race([
      connection.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error("the stream outlived its session")), 5_000)),
    ]);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    const again = await fetch(`${baseUrl}/api/events`, { headers: { cookie: ownCookie } });
    expect(again.status).toBe(401);
  });

  it("ends a stream whose session passed its absolute lifetime, however active", async () => {
    const ownCookie = await signIn();
    const session = await newestSession();
    const connection = await openSse(`${baseUrl}/api/events`, { cookie: ownCookie });
    open.push(connection);
    await until("the stream to be live", () => connection.retryMs !== null);
    await otherInstance.$executeRaw`UPDATE sessions SET created_at = now() - interval '31 days' WHERE id = ${session.id}`;
    await Promise.race([
      connection.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error("the stream outlived its session")), 5_000)),
    ]);
    expect((await fetch(`${baseUrl}/api/events`, { headers: { cookie: ownCookie } })).status).toBe(401);
  });

  it("keeps the stream open when the session row only changes harmlessly (its sliding expiry moves on)", async () => {
    const ownCookie = await signIn();
    const session = await newestSession();
    const connection = await openSse(`${baseUrl}/api/events`, { cookie: ownCookie });
    open.push(connection);
    await until("the stream to be live", () => connection.retryMs !== null);
    await otherInstance.$executeRaw`UPDATE sessions SET expires_at = expires_at + interval '1 day' WHERE id = ${session.id}`;
    await emitChanges(otherInstance, [chatChanged(40)]);
    await connection.waitFor(isChat(40));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await emitChanges(otherInstance, [chatChanged(41)]);
    await connection.waitFor(isChat(41));
  });
});

describe("the live-update stream", () => {
  it("sends a heartbeat comment while nothing changes, and stops when the client goes away", async () => {
    const gone = new AbortController();
    const stream = createChangeStream({ db: database.prisma, lastEventId: null, signal: gone.signal, heartbeatMs: 50 });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes(": heartbeat")) {
      const { value } = await reader.read();
      text += decoder.decode(value);
    }
    expect(text).toMatch(/^retry: 2000\nid: \d+\n\n/);
    const subscribers = liveSubscriberCount();
    gone.abort();
    expect(liveSubscriberCount()).toBe(subscribers - 1);
    await reader.cancel();
  });
});
