/**
 * The SmartSender adapter against its sandbox over real HTTP.
 * Docs: docs/providers/seeds/001_4c7582a753ef1710.txt and docs/providers/smartsender.md.
 * Each test uses its own token, so each has its own shared limiter and breach counter.
 */

import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { requireCapability } from "@/lib/providers/for-connection";
import { createSmartSenderProvider } from "@/lib/providers/smartsender/adapter";
import chatSample from "@/lib/providers/smartsender/fixtures/chat-2120.json";
import chatListSample from "@/lib/providers/smartsender/fixtures/chats-list.json";
import { allChats, failureOf } from "@/lib/providers/testing/contract";
import { type ChatProvider, declaredCapabilities, type NormalizedMessage } from "@/lib/providers/types";
import { fakeForTest, seedChatAt } from "@/sandbox/core/testing";
import { type SmartSenderFakeOptions, startSmartSenderFake } from "@/sandbox/smartsender/index";

let tokens = 0;
const UNLIMITED = 100_000;

async function setup(options: { fake?: SmartSenderFakeOptions; settings?: Record<string, unknown> } = {}) {
  tokens += 1;
  const fake = await fakeForTest(
    startSmartSenderFake({
      token: `contract-${process.pid}-${tokens}`,
      ...options.fake,
      rateLimit: { perMinute: UNLIMITED, ...options.fake?.rateLimit },
    }),
  );
  const connect = (overrides: { token?: string } = {}) => {
    const connection = fake.connection();
    return createSmartSenderProvider({
      id: `smartsender-${tokens}`,
      kind: "smartsender",
      baseUrl: connection.baseUrl,
      credentials: { token: overrides.token ?? connection.credentials.token ?? "" },
      settings: { requestsPerMinute: UNLIMITED, ...options.settings },
    });
  };
  return { fake, provider: connect(), connect };
}

async function allMessages(provider: ChatProvider, chatId: string): Promise<NormalizedMessage[][]> {
  const pages: NormalizedMessage[][] = [];
  let cursor: string | null = null;
  do {
    const page = await requireCapability(provider, "listMessages")(chatId, cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

const sendInput = (chatExternalId: string, text: string) => ({ chatExternalId, text, clientId: crypto.randomUUID() });

describe("SmartSender adapter", () => {
  it("declares exactly the documented capabilities", async () => {
    const { provider } = await setup();
    expect(provider.kind).toBe("smartsender");
    expect(declaredCapabilities(provider)).toEqual([
      "listChats",
      "getChat",
      "listMessages",
      "markRead",
      "sendText",
      "sendFile",
      "closeChat",
    ]);
  });

  it("sends a file as a picture or a document by URL, which the service downloads; an unreachable URL is refused", async () => {
    const files = http.createServer((request, response) =>
      request.url === "/photo.png"
        ? response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from("not really a png"))
        : response.writeHead(404).end(),
    );
    await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    try {
      const { fake, provider } = await setup();
      const sendFile = requireCapability(provider, "sendFile");
      const file = {
        kind: "image" as const,
        fileName: "photo.png",
        mimeType: "image/png",
        size: 16,
        content: async () => new Uint8Array(16),
      };
      const input = { chatExternalId: "2120", caption: null, clientId: crypto.randomUUID() };
      const sent = await sendFile({ ...input, file: { ...file, url: `${origin}/photo.png` } });
      const post = fake.calls.find((call) => call.method === "POST");
      expect(post?.path).toBe("/v1/contacts/2240/send");
      expect(post?.body).toEqual({ type: "picture", media: `${origin}/photo.png` });
      expect(sent?.attachments).toMatchObject([{ kind: "image", url: `${origin}/photo.png` }]);
      await sendFile({ ...input, file: { ...file, kind: "file", url: `${origin}/photo.png` } });
      expect(fake.calls.filter((call) => call.method === "POST").at(-1)?.body).toMatchObject({ type: "file" });
      const failure = await failureOf(sendFile({ ...input, file: { ...file, url: `${origin}/gone.png` } }));
      expect(failure).toMatchObject({ kind: "bad_request" });
    } finally {
      await new Promise<void>((resolve) => files.close(() => resolve()));
    }
  });

  it("gets the seed's samples back verbatim", async () => {
    const { provider } = await setup();
    const helena = await requireCapability(provider, "getChat")("2120");
    expect(helena.raw).toEqual(chatSample);
    expect(helena.title).toBe("Helena");
    const firstPage = await requireCapability(provider, "listChats")(null);
    const byId = new Map(firstPage.items.map((chat) => [chat.externalId, chat]));
    expect(byId.get("2196")?.raw).toEqual(chatListSample.collection[0]);
    expect(byId.get("2353")?.raw).toEqual(chatListSample.collection[1]);
    expect(byId.get("2353")?.title).toBe("Oleksandr Serdiuk");
  });

  it("walks every page of open then closed chats, 20 at a time, to the last", async () => {
    const { provider, fake } = await setup({ fake: { data: { chats: 80 } } });
    const chats = await allChats(provider);
    const expected = fake.snapshot().chats.map((chat) => chat.externalId);
    expect(chats.map((chat) => chat.externalId).sort()).toEqual([...expected].sort());
    expect(chats.some((chat) => chat.status === "closed")).toBe(true);
    const listCalls = fake.calls.filter((call) => call.path === "/v1/chats");
    expect(listCalls.every((call) => call.query.limitation === "20")).toBe(true);
    for (const state of ["open", "closed"]) {
      const pages = listCalls.filter((call) => call.query.state === state).map((call) => Number(call.query.page));
      const count = chats.filter((chat) => chat.status === state).length;
      expect(pages).toEqual(Array.from({ length: Math.max(1, Math.ceil(count / 20)) }, (_, index) => index + 1));
    }
  });

  it("walks a chat's messages newest first to its first message", async () => {
    const { provider, fake } = await setup();
    const big = fake.snapshot().chats.find((chat) => chat.messageExternalIds.length === 300);
    const pages = await allMessages(provider, big?.externalId ?? "");
    expect(pages).toHaveLength(15);
    const messages = pages.flat();
    expect(messages.map((message) => message.externalId)).toEqual([...(big?.messageExternalIds ?? [])].reverse());
    const times = messages.map((message) => message.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const kinds = new Set(messages.flatMap((message) => message.attachments.map((item) => item.kind)));
    for (const kind of ["image", "animation", "file", "share", "video", "audio", "voice", "contact", "location"]) {
      expect(kinds).toContain(kind);
    }
    expect(messages.some((message) => message.deletedAt !== null)).toBe(true);
    expect(messages.some((message) => message.direction === "system")).toBe(true);
    expect(new Set(messages.map((message) => message.direction))).toEqual(new Set(["inbound", "outbound", "system"]));
    const messageCalls = fake.calls.filter((call) => call.path.endsWith("/messages"));
    expect(messageCalls.every((call) => call.query.activities === "1" && call.query.limitation === "20")).toBe(true);
  });

  it("fails with unauthorized and SmartSender's message on a wrong token", async () => {
    const { connect } = await setup();
    const failure = await failureOf(requireCapability(connect({ token: "revoked" }), "listChats")(null));
    expect(failure.kind).toBe("unauthorized");
    expect(failure.providerMessage).toBe("Unauthenticated");
  });

  it("fails with not_found for a chat SmartSender does not have", async () => {
    const { provider } = await setup();
    expect((await failureOf(requireCapability(provider, "getChat")("999999"))).kind).toBe("not_found");
    expect((await failureOf(requireCapability(provider, "markRead")("999999"))).kind).toBe("not_found");
    expect((await failureOf(requireCapability(provider, "listMessages")("999999", null))).kind).toBe("not_found");
  });

  it("turns a malformed body into a typed error", async () => {
    const { provider, fake } = await setup();
    fake.setFaults({ rate: 1, kinds: ["malformed"] });
    expect((await failureOf(requireCapability(provider, "listChats")(null))).kind).toBe("malformed");
    // The fake answers an object that is no chat: one bad item, skipped and counted by the sync.
    expect((await failureOf(requireCapability(provider, "getChat")("2120"))).kind).toBe("bad_item");
    expect((await failureOf(requireCapability(provider, "markRead")("2120"))).kind).toBe("malformed");
  });

  it("gives up with timeout when SmartSender hangs", async () => {
    const { provider, fake } = await setup({ settings: { timeoutMs: 200 } });
    fake.setFaults({ rate: 1, kinds: ["timeout"], hangMs: 5_000 });
    const started = Date.now();
    expect((await failureOf(requireCapability(provider, "getChat")("2120"))).kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reports server errors as retryable", async () => {
    const { provider, fake } = await setup();
    fake.setFaults({ forceStatus: 503 });
    const failure = await failureOf(requireCapability(provider, "getChat")("2120"));
    expect(failure.kind).toBe("server");
    expect(failure.retryable).toBe(true);
  });

  it("marks a chat read at SmartSender", async () => {
    const { provider, fake } = await setup();
    const unread = (await allChats(provider)).find((chat) => (chat.providerUnreadCount ?? 0) > 0);
    expect(unread).toBeDefined();
    const chatId = unread?.externalId ?? "";
    await requireCapability(provider, "markRead")(chatId);
    expect(fake.calls.some((call) => call.method === "PUT" && call.path === `/v1/chats/${chatId}/read`)).toBe(true);
    expect((await requireCapability(provider, "getChat")(chatId)).providerUnreadCount).toBe(0);
  });

  it("closes a chat at SmartSender", async () => {
    const { provider, fake, connect } = await setup();
    await requireCapability(provider, "closeChat")("2196");
    expect(fake.calls.some((call) => call.method === "PUT" && call.path === "/v1/chats/2196/close")).toBe(true);
    expect((await requireCapability(provider, "getChat")("2196")).status).toBe("closed");
    const listedElsewhere = (await allChats(connect())).find((chat) => chat.externalId === "2196");
    expect(listedElsewhere?.status).toBe("closed");
  });

  it("sends text to the chat's contact and returns the sent message", async () => {
    const { provider, fake } = await setup();
    const sent = await requireCapability(provider, "sendText")(sendInput("2120", "Доброго дня! Чим можу допомогти?"));
    expect(fake.calls.filter((call) => call.method === "GET").map((call) => call.path)).toEqual(["/v1/chats/2120"]);
    const post = fake.calls.find((call) => call.method === "POST");
    // The seed's chat 2120: contact {id: 3410, originalId: 2240}; the Contact id is the original one.
    expect(post?.path).toBe("/v1/contacts/2240/send");
    expect(post?.body).toEqual({ type: "text", content: "Доброго дня! Чим можу допомогти?" });
    expect(sent).toMatchObject({
      chatExternalId: "2120",
      direction: "outbound",
      text: "Доброго дня! Чим можу допомогти?",
    });
    const newest = (await requireCapability(provider, "listMessages")("2120", null)).items[0];
    expect(newest?.externalId).toBe(sent?.externalId);
    await requireCapability(provider, "sendText")(sendInput("2120", "Ще одне"));
    expect(fake.calls.filter((call) => call.path === "/v1/chats/2120")).toHaveLength(1);
    expect((await failureOf(requireCapability(provider, "sendText")(sendInput("2120", "   ")))).kind).toBe(
      "invalid_input",
    );
  });

  it("sees a customer's new message and its unread count", async () => {
    const { provider, fake } = await setup();
    const response = await fetch(`${fake.url}/__sandbox/inject-message`, {
      method: "POST",
      body: JSON.stringify({ text: "Добрый день, заказ не пришёл", authorName: "Анна Иванова" }),
    });
    const { chatExternalId, messageExternalId } = (await response.json()) as Record<string, string>;
    const chat = await requireCapability(provider, "getChat")(chatExternalId ?? "");
    expect(chat).toMatchObject({ title: "Анна Иванова", providerUnreadCount: 1 });
    const [message] = (await requireCapability(provider, "listMessages")(chatExternalId ?? "", null)).items;
    expect(message).toMatchObject({
      externalId: messageExternalId,
      direction: "inbound",
      text: "Добрый день, заказ не пришёл",
    });
  });
});

describe("SmartSender chats a test seeds (sandbox control)", () => {
  it("holds a new contact's conversation with media, unread after the operator's last answer", async () => {
    const { fake, provider } = await setup();
    const seeded = await seedChatAt(fake, {
      title: "Seeded Contact",
      messages: [
        { text: "Hello, my parcel is late" },
        { from: "agent", text: "Checking now" },
        { attachments: ["animation"] },
        { attachments: ["voice"] },
      ],
    });
    const chat = await requireCapability(provider, "getChat")(seeded.chatExternalId);
    expect(chat).toMatchObject({ title: "Seeded Contact", status: "open", providerUnreadCount: 2 });
    const messages = (await allMessages(provider, seeded.chatExternalId)).flat().reverse();
    expect(messages.map((message) => message.externalId)).toEqual(seeded.messageExternalIds);
    expect(messages.map((message) => message.direction)).toEqual(["inbound", "outbound", "inbound", "inbound"]);
    expect(messages.map((message) => message.attachments[0]?.kind ?? message.text)).toEqual([
      "Hello, my parcel is late",
      "Checking now",
      "animation",
      "voice",
    ]);
    const closed = await seedChatAt(fake, { title: "Seeded Closed", closed: true, messages: [{ text: "Thanks!" }] });
    const listed = (await allChats(provider)).find((candidate) => candidate.externalId === closed.chatExternalId);
    expect(listed?.status).toBe("closed");
    await expect(seedChatAt(fake, { title: "x", messages: [{ text: "a", attachments: ["image"] }] })).rejects.toThrow(
      "A SmartSender message carries text or one attachment",
    );
  });
});

describe("SmartSender rate limit", () => {
  it("never sends more than the budget in any window, across adapters of one token", async () => {
    const budget = { perMinute: 20, windowMs: 2_000 };
    const { fake, provider, connect } = await setup({
      fake: { rateLimit: { ...budget, lockoutMs: 60_000 } },
      settings: { requestsPerMinute: budget.perMinute, rateLimitWindowMs: budget.windowMs },
    });
    const other = connect();
    const started = Date.now();
    const chats = await Promise.all(
      Array.from({ length: 45 }, (_, index) => requireCapability(index % 2 ? other : provider, "getChat")("2120")),
    );
    const elapsed = Date.now() - started;
    expect(chats.every((chat) => chat.externalId === "2120")).toBe(true);
    expect(fake.calls.every((call) => call.status === 200)).toBe(true);
    const arrivals = fake.calls.map((call) => call.at);
    const busiest = Math.max(
      ...arrivals.map((at) => arrivals.filter((t) => t > at - budget.windowMs && t <= at).length),
    );
    expect(busiest).toBeLessThanOrEqual(budget.perMinute);
    expect(busiest).toBeGreaterThanOrEqual(budget.perMinute - 2);
    expect(fake.rateStats().maxAnsweredInWindow).toBeLessThanOrEqual(budget.perMinute);
    expect(elapsed).toBeGreaterThanOrEqual(2 * budget.windowMs - 100);
  });

  it("waits out a 429 lockout instead of knocking, and the lockout grows with each breach", async () => {
    const lockoutMs = 1_000;
    const { fake, provider } = await setup({
      fake: { rateLimit: { perMinute: 3, windowMs: 1_000, lockoutMs } },
      settings: { requestsPerMinute: 100, rateLimitWindowMs: 1_000, lockoutMs, maxLockoutMs: 10_000 },
    });
    const getChat = requireCapability(provider, "getChat");
    for (let index = 0; index < 3; index += 1) await getChat("2120");
    const breach = await failureOf(getChat("2120"));
    expect(breach).toMatchObject({ kind: "rate_limited", retryAfterMs: lockoutMs, status: 429 });
    const limitedAt = fake.calls.at(-1)?.at ?? 0;

    const started = Date.now();
    expect((await getChat("2120")).externalId).toBe("2120");
    expect(Date.now() - started).toBeGreaterThanOrEqual(lockoutMs - 100);
    const after = fake.calls.filter((call) => call.at > limitedAt);
    expect(after).toHaveLength(1);
    expect((after[0]?.at ?? 0) - limitedAt).toBeGreaterThanOrEqual(lockoutMs - 50);

    await getChat("2120");
    await getChat("2120");
    const second = await failureOf(getChat("2120"));
    expect(second.retryAfterMs).toBe(2 * lockoutMs);
    expect(fake.rateStats().minutes.reduce((sum, minute) => sum + minute.rateLimited, 0)).toBe(2);
  });

  it("honours a Retry-After header over its own lockout estimate", async () => {
    const { provider } = await setup({
      fake: { rateLimit: { perMinute: 1, windowMs: 1_000, lockoutMs: 300, sendRetryAfter: true } },
      settings: { requestsPerMinute: 100 },
    });
    await requireCapability(provider, "getChat")("2120");
    const failure = await failureOf(requireCapability(provider, "getChat")("2120"));
    expect(failure).toMatchObject({ kind: "rate_limited", retryAfterMs: 1_000 });
  });
});
