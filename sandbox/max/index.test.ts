/**
 * The MAX sandbox on its own, spoken to as MAX's documents describe (seed
 * docs/providers/seeds/003_1ec703991a94c4d2.txt, docs/providers/max.md): auth, retired and validated
 * endpoints, parameter ranges, the rate limit, long polling, and the data it holds.
 */

import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxFake } from "@/sandbox/core/provider";
import { fakeForTest } from "@/sandbox/core/testing";
import { startMaxFake } from "@/sandbox/max/index";

type Json = Record<string, unknown>;
type WireMessage = {
  timestamp: number;
  sender: { user_id: number } | null;
  link?: { type: string };
  body: { mid: string; seq: number; attachments: Array<{ type: string }> | null };
};

let fake: SandboxFake;

async function once(target: SandboxFake, pathAndQuery: string, init: RequestInit = {}) {
  const response = await fetch(`${target.url}${pathAndQuery}`, {
    ...init,
    headers: { authorization: target.token, "content-type": "application/json", ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Like a well-behaved bot: after a 429 it waits the second out and asks again. */
async function call(target: SandboxFake, pathAndQuery: string, init: RequestInit = {}) {
  for (;;) {
    const answer = await once(target, pathAndQuery, init);
    if (answer.status !== 429) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The whole backlog, read the way a bot reads it: marker after marker. */
async function backlog(target: SandboxFake): Promise<Json[]> {
  const updates: Json[] = [];
  let marker: unknown = null;
  for (;;) {
    const query: string = marker === null ? "" : `&marker=${marker}`;
    const { body } = await call(target, `/updates?timeout=0&limit=1000${query}`);
    const page = body.updates as Json[];
    if (page.length === 0) return updates;
    updates.push(...page);
    marker = body.marker;
  }
}

async function chatsOf(target: SandboxFake): Promise<Json[]> {
  const ids = target.snapshot().chats.map((chat) => chat.externalId);
  return Promise.all(ids.map(async (id) => (await call(target, `/chats/${id}`)).body));
}

beforeAll(async () => {
  fake = await startMaxFake({ seed: 3, token: "fake-test-token" });
});

afterAll(async () => {
  await fake.close();
});

describe("MAX sandbox: authentication and endpoints", () => {
  it.each([
    ["no header", {}],
    ["a Bearer prefix", { authorization: "Bearer fake-test-token" }],
    ["a wrong token", { authorization: "other" }],
  ])("refuses %s with 401 verify.token", async (_, headers) => {
    const response = await fetch(`${fake.url}/me`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: "verify.token", message: "Invalid access_token" });
  });

  it("no longer accepts the token as the access_token query", async () => {
    const response = await fetch(`${fake.url}/me?access_token=fake-test-token`);
    expect(response.status).toBe(401);
  });

  it("answers the retired GET /chats with an error", async () => {
    const { status, body } = await call(fake, "/chats?count=10");
    expect(status).toBe(405);
    expect(body.code).toBe("method.retired");
  });

  it("validates chatLink against the seed's pattern", async () => {
    expect((await call(fake, "/chats/1abc")).status).toBe(400);
    expect((await call(fake, "/chats/has.dot")).status).toBe(400);
    expect((await call(fake, "/chats/@unknown_chat")).status).toBe(404);
  });

  it.each([
    "/messages?chat_id=-70412345678901&count=0",
    "/messages?chat_id=-70412345678901&count=101",
    "/messages?chat_id=-70412345678901&from=10&to=20",
    "/messages",
    "/updates?timeout=91",
    "/updates?limit=0",
    "/updates?limit=1001",
    "/chats/-70412345678901/members?count=101",
  ])("refuses %s with 400 and a {code, message} body", async (path) => {
    const { status, body } = await call(fake, path);
    expect(status).toBe(400);
    expect(Object.keys(body).sort()).toEqual(["code", "message"]);
  });

  it("checks NewMessageBody: at most 4000 characters, not empty, replies to a message of the chat", async () => {
    const post = (json: unknown) =>
      call(fake, "/messages?chat_id=-70412345678901", { method: "POST", body: JSON.stringify(json) });
    expect((await post({ text: "x".repeat(4001) })).status).toBe(400);
    expect((await post({ text: "" })).status).toBe(400);
    expect((await post({ text: "hi", link: { type: "reply", mid: "mid.nope" } })).status).toBe(404);
    const sent = await post({ text: "Добрый день!", notify: false, format: "markdown" });
    expect(sent.status).toBe(200);
    expect(sent.body.message).toMatchObject({ sender: { user_id: 590001 }, body: { text: "Добрый день!" } });
  });

  it("lets 30 requests a second through and answers the next with 429", async () => {
    const limited = await fakeForTest(startMaxFake({ token: "fake-limit-token", data: { chats: 1 } }));
    const answers = await Promise.all(Array.from({ length: 31 }, () => once(limited, "/me")));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(answers.find((answer) => answer.status === 429)?.body.code).toBe("too.many.requests");
  });
});

describe("MAX sandbox: long polling", () => {
  it("gives a bot without a marker the whole history, and commits what a marker passes", async () => {
    const polled = await fakeForTest(
      startMaxFake({ token: "fake-poll-token", data: { chats: 3, messagesPerChat: 5 } }),
    );
    const first = await call(polled, "/updates?timeout=0&limit=5");
    expect(first.body.updates).toHaveLength(5);
    const again = await call(polled, "/updates?timeout=0&limit=5");
    expect(again.body).toEqual(first.body);
    await call(polled, `/updates?timeout=0&limit=5&marker=${first.body.marker}`);
    const afterCommit = await call(polled, "/updates?timeout=0&limit=5");
    expect(afterCommit.body.updates).not.toEqual(first.body.updates);
    const onlyCreated = await call(polled, "/updates?timeout=0&limit=1000&marker=1&types=message_created");
    const types = new Set((onlyCreated.body.updates as Json[]).map((update) => update.update_type));
    expect(types).toEqual(new Set(["message_created"]));
  });

  it("holds the request until an update arrives, then answers at once", async () => {
    const drained = await call(fake, "/updates?timeout=0&limit=1000&marker=999999");
    const marker = drained.body.marker;
    const started = Date.now();
    const held = call(fake, `/updates?timeout=30&marker=${marker}`);
    setTimeout(() => fake.injectInboundMessage({ chatExternalId: "91827364", text: "Алло?" }), 150);
    const { body } = await held;
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((body.updates as Json[]).map((update) => update.update_type)).toEqual(["message_created"]);
  });

  it("holds an idle request for its timeout", async () => {
    const { body } = await call(fake, "/updates?timeout=0&limit=1000&marker=999999");
    const started = Date.now();
    const idle = await call(fake, `/updates?timeout=1&marker=${body.marker}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(idle.body).toEqual({ updates: [], marker: body.marker });
  });

  it("injects through the control route, and refuses unknown chats", async () => {
    const inject = (json: unknown) =>
      call(fake, "/__sandbox/inject-message", { method: "POST", body: JSON.stringify(json) });
    const injected = await inject({
      chatExternalId: "-70412345678901",
      text: "Есть кто?",
      authorName: "Тарас Мельник",
    });
    expect(injected.status).toBe(200);
    const page = await call(fake, "/messages?chat_id=-70412345678901&count=1");
    expect((page.body.messages as WireMessage[])[0]?.body.mid).toBe(injected.body.messageExternalId);
    const members = await call(fake, "/chats/-70412345678901/members?count=100");
    expect((members.body.members as Json[]).some((member) => member.name === "Тарас Мельник")).toBe(true);
    expect((await inject({ chatExternalId: "123", text: "x" })).status).toBe(404);
    expect((await inject({ text: "" })).status).toBe(400);
  });
});

describe("MAX sandbox: data", () => {
  it("holds dialogs, group chats and channels in every status, public ones findable by link", async () => {
    const chats = await chatsOf(fake);
    expect(new Set(chats.map((chat) => chat.type))).toEqual(new Set(["chat", "dialog", "channel"]));
    expect(new Set(chats.map((chat) => chat.status))).toEqual(new Set(["active", "removed", "left", "closed"]));
    expect(chats.length).toBeGreaterThanOrEqual(30);
    expect(chats.length).toBeLessThanOrEqual(40);
    const publicChats = chats.filter((chat) => chat.is_public);
    expect(publicChats.length).toBeGreaterThan(3);
    for (const chat of publicChats) {
      const name = String(chat.link).replace("https://max.ru/", "");
      expect((await call(fake, `/chats/@${name}`)).body.chat_id).toBe(chat.chat_id);
    }
    expect(chats.some((chat) => chat.pinned_message)).toBe(true);
  });

  it("holds every attachment type, replies and forwards, in time order per chat", async () => {
    const fresh = await startMaxFake({ token: "fake-data-token", seed: 3 });
    const history = await backlog(fresh).finally(() => fresh.close());
    const messages = history.flatMap((update) =>
      update.update_type === "message_created" ? [update.message as WireMessage] : [],
    );
    const types = new Set(
      messages.flatMap((message) => message.body.attachments?.map((attachment) => attachment.type) ?? []),
    );
    expect(types).toEqual(
      new Set(["image", "video", "audio", "file", "sticker", "contact", "share", "location", "inline_keyboard"]),
    );
    expect(messages.some((message) => message.link?.type === "reply")).toBe(true);
    expect(messages.some((message) => message.link?.type === "forward")).toBe(true);
    const updateTypes = new Set(history.map((update) => update.update_type));
    const expected = "message_edited message_removed bot_added bot_removed user_added user_removed bot_started";
    for (const type of [...expected.split(" "), "chat_title_changed"]) expect(updateTypes).toContain(type);
  });

  it("has one chat with hundreds of messages, paged newest first by time", async () => {
    const big = await call(fake, "/chats/@help_center");
    const chatId = big.body.chat_id;
    const stored = fake.snapshot().chats.find((chat) => chat.externalId === String(chatId));
    expect(stored?.messageExternalIds.length).toBeGreaterThanOrEqual(300);
    const page = (await call(fake, `/messages?chat_id=${chatId}&count=100`)).body.messages as WireMessage[];
    expect(page).toHaveLength(100);
    const times = page.map((message) => message.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const oldest = times.at(-1) ?? 0;
    const older = (await call(fake, `/messages?chat_id=${chatId}&count=100&from=${oldest}`)).body
      .messages as WireMessage[];
    expect(older.every((message) => message.timestamp <= oldest)).toBe(true);
  });

  it("is the same for the same seed and different for another", async () => {
    const [a, b, c] = await Promise.all([
      startMaxFake({ seed: 5, token: "seed-a" }),
      startMaxFake({ seed: 5, token: "seed-b" }),
      startMaxFake({ seed: 6, token: "seed-c" }),
    ]);
    try {
      expect(a.snapshot()).toEqual(b.snapshot());
      expect(a.snapshot()).not.toEqual(c.snapshot());
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("scales past 10,000 messages quickly", async () => {
    const started = Date.now();
    const large = await fakeForTest(
      startMaxFake({ token: "fake-large-token", data: { chats: 100, messagesPerChat: 100 } }),
    );
    const total = large.snapshot().chats.reduce((sum, chat) => sum + chat.messageExternalIds.length, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe("MAX sandbox: the behaviour since 2026-05-07 and webhooks", () => {
  it("answers a marker-less GET /updates with only the last update when asked to behave as MAX does now", async () => {
    const newer = await fakeForTest(
      startMaxFake({ token: "fake-newer-token", data: { chats: 3, messagesPerChat: 5 }, markerlessGivesLast: true }),
    );
    const first = await call(newer, "/updates?timeout=0&limit=1000");
    // The history is still there for a bot that names a marker; without one, only its last update.
    const whole = await call(newer, "/updates?timeout=0&limit=1000&marker=1");
    expect((whole.body.updates as Json[]).length).toBeGreaterThan(1);
    expect(first.body.updates).toEqual([(whole.body.updates as Json[]).at(-1)]);
    // From its marker on, only what happens next.
    const after = await call(newer, `/updates?timeout=0&limit=1000&marker=${first.body.marker}`);
    expect(after.body.updates).toEqual([]);
    newer.injectInboundMessage({ text: "Новое" });
    const next = await call(newer, `/updates?timeout=0&limit=1000&marker=${first.body.marker}`);
    expect((next.body.updates as Json[]).map((update) => update.update_type)).toEqual([
      "bot_started",
      "message_created",
    ]);
  });

  it("subscribes with a checked URL and secret, lists subscriptions without the secret, blocks long polling meanwhile", async () => {
    const hooked = await fakeForTest(
      startMaxFake({ token: "fake-hook-token", data: { chats: 1, messagesPerChat: 1 } }),
    );
    const post = (body: unknown) => call(hooked, "/subscriptions", { method: "POST", body: JSON.stringify(body) });
    expect((await post({ url: "http://example.com/hook", secret: "abcdef" })).status).toBe(400);
    expect((await post({ url: "https://example.com/hook", secret: "has space" })).status).toBe(400);
    expect((await post({ url: "https://example.com/hook", secret: "abc" })).status).toBe(400);
    const url = "https://example.com/hook";
    expect((await post({ url, secret: "s3cret-value", update_types: ["message_created"] })).body).toEqual({
      success: true,
    });
    const listed = await call(hooked, "/subscriptions");
    expect(listed.body.subscriptions).toEqual([{ url, time: expect.any(Number), update_types: ["message_created"] }]);
    expect(JSON.stringify(listed.body)).not.toContain("s3cret-value");
    expect((await call(hooked, "/updates?timeout=0")).status).toBe(405);
    const removed = await call(hooked, `/subscriptions?url=${encodeURIComponent(url)}`, { method: "DELETE" });
    expect(removed.body).toEqual({ success: true });
    expect((await call(hooked, "/updates?timeout=0&limit=1")).status).toBe(200);
  });

  it("POSTs each new update to the subscribed URL with the secret header", async () => {
    const received: Array<{ secret: string | undefined; body: Json }> = [];
    const server = http.createServer((req, res) => {
      let text = "";
      req.on("data", (chunk) => {
        text += chunk;
      });
      req.on("end", () => {
        received.push({ secret: req.headers["x-max-bot-api-secret"] as string | undefined, body: JSON.parse(text) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const hooked = await fakeForTest(
        startMaxFake({ token: "fake-deliver-token", data: { chats: 1, messagesPerChat: 1 } }),
      );
      const { port } = server.address() as { port: number };
      const url = `http://127.0.0.1:${port}/hook`;
      await call(hooked, "/subscriptions", { method: "POST", body: JSON.stringify({ url, secret: "s3cret-value" }) });
      const sent = hooked.injectInboundMessage({ text: "Через вебхук" });
      await hooked.webhooks.settled();
      expect(received.map((entry) => [entry.secret, entry.body.update_type])).toEqual([
        ["s3cret-value", "bot_started"],
        ["s3cret-value", "message_created"],
      ]);
      expect(received[1]?.body.message).toMatchObject({ body: { mid: sent.messageExternalId } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
