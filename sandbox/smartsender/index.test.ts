/**
 * The sandbox SmartSender over plain HTTP, checked against the documents
 * (docs/providers/seeds/001_4c7582a753ef1710.txt, docs/providers/smartsender.md), not the adapter.
 */

import { describe, expect, it } from "vitest";
import chatSample from "@/lib/providers/smartsender/fixtures/chat-2120.json";
import chatListSample from "@/lib/providers/smartsender/fixtures/chats-list.json";
import { fakeForTest } from "@/sandbox/core/testing";
import { type SmartSenderFakeOptions, startSmartSenderFake } from "@/sandbox/smartsender/index";
import { CONTENT_TYPES } from "@/sandbox/smartsender/wire";

type Json = Record<string, unknown>;
type Page = { cursor: { page: number; pages: number }; collection: Json[] };

async function start(options: SmartSenderFakeOptions = {}) {
  const fake = await fakeForTest(startSmartSenderFake({ rateLimit: { perMinute: 100_000 }, ...options }));
  const call = async (path: string, init: RequestInit = {}, token: string | null = fake.token) => {
    const response = await fetch(`${fake.url}${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
  };
  const allPages = async (path: string): Promise<Json[]> => {
    const items: Json[] = [];
    for (let page = 1; ; page += 1) {
      const separator = path.includes("?") ? "&" : "?";
      const { body } = await call(`${path}${separator}page=${page}&limitation=20`);
      const answer = body as unknown as Page;
      items.push(...answer.collection);
      if (answer.cursor.page >= answer.cursor.pages) return items;
    }
  };
  return { fake, call, allPages };
}

describe("SmartSender sandbox", () => {
  it("serves the seed's three chats verbatim", async () => {
    const { call } = await start();
    expect((await call("/v1/chats/2120")).body).toEqual(chatSample);
    expect((await call("/v1/chats/2196")).body).toEqual(chatListSample.collection[0]);
    expect((await call("/v1/chats/2353")).body).toEqual(chatListSample.collection[1]);
    const firstPage = (await call("/v1/chats?page=1&limitation=20")).body as unknown as Page;
    expect(firstPage.collection.slice(0, 3).map((chat) => chat.id)).toEqual([2120, 2196, 2353]);
    expect(firstPage.collection[1]).toEqual(chatListSample.collection[0]);
  });

  it("answers Unauthenticated in an error body without or with a wrong token", async () => {
    const { call } = await start();
    for (const token of [null, "wrong"]) {
      const answer = await call("/v1/chats", {}, token);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 401, message: "Unauthenticated" } });
    }
  });

  it("pages with page and limitation 1..20 and refuses other values", async () => {
    const { call, fake } = await start({ data: { chats: 50 } });
    const page3 = (await call("/v1/chats?page=3&limitation=20")).body as unknown as Page;
    expect(page3.cursor).toEqual({ page: 3, pages: 3 });
    expect(page3.collection).toHaveLength(fake.snapshot().chats.length - 40);
    expect((await call("/v1/chats?limitation=21")).status).toBe(422);
    expect((await call("/v1/chats?page=0")).status).toBe(422);
    expect((await call("/v1/chats?state=archived")).status).toBe(422);
  });

  it("filters chats by state, term and selectors", async () => {
    const { allPages, call } = await start();
    const open = await allPages("/v1/chats?state=open");
    const closed = await allPages("/v1/chats?state=closed");
    const all = await allPages("/v1/chats");
    expect(closed.length).toBeGreaterThan(0);
    expect(open.length + closed.length).toBe(all.length);
    const unread = await allPages("/v1/chats?selector[name]=unread");
    expect(unread.length).toBeGreaterThan(0);
    for (const chat of unread) {
      const gates = chat.gates as Array<{ unreadMessages: number }>;
      expect(gates.reduce((sum, gate) => sum + gate.unreadMessages, 0)).toBeGreaterThan(0);
    }
    const helena = (await call("/v1/chats?term=hele")).body as unknown as Page;
    expect(helena.collection.map((chat) => chat.name)).toEqual(["Helena"]);
    const taken = await allPages("/v1/chats?selector[name]=private");
    const byOperator = await allPages("/v1/chats?selector[operatorId]=11");
    expect(byOperator.length).toBeLessThanOrEqual(taken.length);
  });

  it("lists messages newest first, internal notes only with activities", async () => {
    const { allPages, fake } = await start();
    const big = fake.snapshot().chats.find((chat) => chat.messageExternalIds.length === 300);
    expect(big).toBeDefined();
    const withActivities = await allPages(`/v1/chats/${big?.externalId}/messages?activities=1`);
    const without = await allPages(`/v1/chats/${big?.externalId}/messages`);
    expect(withActivities.map((message) => String(message.id))).toEqual([...(big?.messageExternalIds ?? [])].reverse());
    expect(without.length).toBeLessThan(withActivities.length);
    expect(without.every((message) => message.internal === false)).toBe(true);
    const created = withActivities.map((message) => String(message.createdAt));
    expect(created).toEqual([...created].sort().reverse());
  });

  it("has every documented content type, senders of both sides, and the documented message shape", async () => {
    const { allPages, fake } = await start();
    const big = fake.snapshot().chats.find((chat) => chat.messageExternalIds.length === 300);
    const messages = await allPages(`/v1/chats/${big?.externalId}/messages?activities=1`);
    const types = new Set(messages.map((message) => (message.content as { type: string }).type));
    expect([...types].sort()).toEqual([...CONTENT_TYPES].sort());
    const senders = new Set(messages.map((message) => (message.sender as { type: string }).type));
    expect(senders.has("contact") && senders.has("operator")).toBe(true);
    expect(Object.keys(messages[0] ?? {}).sort()).toEqual(
      ["content", "createdAt", "deliveredAt", "gate", "id", "internal", "seenAt", "sender"].sort(),
    );
    const picture = messages.find((message) => (message.content as { type: string }).type === "picture");
    const { url } = (picture?.content as { resource: { parameters: { url: string } } } | undefined)?.resource
      .parameters ?? { url: "" };
    expect((await fetch(url)).status).toBe(200);
  });

  it("reads and closes chats, answering {state: true}", async () => {
    const { call, allPages } = await start();
    const unread = (await allPages("/v1/chats?selector[name]=unread"))[0];
    expect((await call(`/v1/chats/${unread?.id}/read`, { method: "PUT" })).body).toEqual({ state: true });
    const gates = (await call(`/v1/chats/${unread?.id}`)).body.gates as Array<{ unreadMessages: number }>;
    expect(gates.every((gate) => gate.unreadMessages === 0)).toBe(true);
    expect((await call("/v1/chats/2196/close", { method: "PUT" })).body).toEqual({ state: true });
    expect((await allPages("/v1/chats?state=closed")).some((chat) => chat.id === 2196)).toBe(true);
    expect((await call("/v1/chats/1/read", { method: "PUT" })).status).toBe(404);
  });

  it("sends to a contact by its Contact id (the chat's contact.originalId) and validates the send body", async () => {
    const { call, fake } = await start();
    // Chat 2120 of the seed: contact {id: 3410, originalId: 2240}.
    const sent = await call("/v1/contacts/2240/send", {
      method: "POST",
      body: JSON.stringify({ type: "text", content: "Вітаю, Helena!" }),
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      content: { type: "text", resource: { parameters: { content: "Вітаю, Helena!" } } },
    });
    const helena = fake.snapshot().chats.find((chat) => chat.externalId === "2120");
    expect(helena?.messageExternalIds.at(-1)).toBe(String(sent.body.id));
    const bad = [{ type: "text" }, { type: "picture" }, { type: "location", latitude: 1 }, { type: "sticker" }, {}];
    for (const body of bad) {
      expect((await call("/v1/contacts/2240/send", { method: "POST", body: JSON.stringify(body) })).status).toBe(422);
    }
    expect((await call("/v1/contacts/1/send", { method: "POST", body: '{"type":"text","content":"x"}' })).status).toBe(
      404,
    );
    // contact.id is no Contact id: every chat's, seeded or generated, is refused.
    const chats = (await call("/v1/chats?page=1&limitation=20")).body.collection as Array<{
      contact: { id: number; originalId: number };
    }>;
    for (const chat of chats) {
      const wrong = await call(`/v1/contacts/${chat.contact.id}/send`, {
        method: "POST",
        body: '{"type":"text","content":"x"}',
      });
      expect(wrong.status, `contact.id ${chat.contact.id}`).toBe(404);
      expect(wrong.body).toEqual({ error: { code: 404, message: "Contact not found." } });
    }
  });

  it("injects customer messages through its control route", async () => {
    const { call, fake } = await start();
    const response = await fetch(`${fake.url}/__sandbox/inject-message`, {
      method: "POST",
      body: JSON.stringify({ chatExternalId: "2353", text: "Є хто живий?" }),
    });
    const injected = (await response.json()) as { chatExternalId: string; messageExternalId: string };
    expect(injected.chatExternalId).toBe("2353");
    const chat = (await call("/v1/chats/2353")).body;
    expect((chat.gates as Array<{ unreadMessages: number }>)[0]?.unreadMessages).toBe(1);
    const newest = ((await call("/v1/chats/2353/messages?page=1&limitation=1")).body as unknown as Page).collection[0];
    expect(newest).toMatchObject({ id: Number(injected.messageExternalId), sender: { type: "contact" } });
    const fresh = fake.injectInboundMessage({ text: "Hello?", authorName: "Jack Evans" });
    expect((await call(`/v1/chats/${fresh.chatExternalId}`)).body.name).toBe("Jack Evans");
    const missing = await fetch(`${fake.url}/__sandbox/inject-message`, {
      method: "POST",
      body: JSON.stringify({ chatExternalId: "1", text: "x" }),
    });
    expect(missing.status).toBe(404);
  });

  it("enforces the rate limit per token: 429, a lockout that grows with each breach, X-Rate-Limit", async () => {
    const { call, fake } = await start({
      rateLimit: { perMinute: 3, windowMs: 60_000, lockoutMs: 1500, sendRetryAfter: true },
    });
    const statuses = [];
    for (let index = 0; index < 5; index += 1) statuses.push(await call("/v1/chats/2120"));
    expect(statuses.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    expect(statuses[0]?.headers.get("x-rate-limit")).toBe("3");
    expect(statuses[3]?.headers.get("retry-after")).toBe("2");
    expect(statuses[4]?.headers.get("retry-after")).toBe("3");
    expect(statuses[3]?.body).toMatchObject({ error: { code: 429 } });
    const stats = fake.rateStats();
    expect(stats.minutes).toEqual([{ minute: 0, answered: 3, rateLimited: 2 }]);
    expect(stats.maxAnsweredInWindow).toBe(3);
    const overHttp = (await (await fetch(`${fake.url}/__sandbox/rate`)).json()) as { maxAnsweredInWindow: number };
    expect(overHttp.maxAnsweredInWindow).toBe(3);
  });

  it("lets a locked-out token back in after the lockout and the window", async () => {
    const { call } = await start({ rateLimit: { perMinute: 2, windowMs: 300, lockoutMs: 400 } });
    expect((await call("/v1/chats/2120")).status).toBe(200);
    expect((await call("/v1/chats/2120")).status).toBe(200);
    expect((await call("/v1/chats/2120")).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await call("/v1/chats/2120")).status).toBe(200);
  });

  it("scales to ten thousand messages quickly and is deterministic per seed", async () => {
    const started = Date.now();
    const { fake } = await start({ seed: 7, data: { chats: 400, messagesPerChat: 25 } });
    const total = fake.snapshot().chats.reduce((sum, chat) => sum + chat.messageExternalIds.length, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    const a = await start({ seed: 9 });
    const b = await start({ seed: 9 });
    expect(a.fake.snapshot()).toEqual(b.fake.snapshot());
    const names = async (side: typeof a) =>
      ((await side.call("/v1/chats?page=2")).body as unknown as Page).collection.map((chat) => chat.name);
    expect(await names(a)).toEqual(await names(b));
  });
});
