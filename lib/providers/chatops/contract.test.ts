/**
 * The Chat operations adapter against its sandbox fake, over real HTTP.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChatOpsProvider } from "@/lib/providers/chatops/adapter";
import chatDetail from "@/lib/providers/chatops/fixtures/chat-detail.json";
import chatList from "@/lib/providers/chatops/fixtures/chat-list.json";
import createChatRequest from "@/lib/providers/chatops/fixtures/create-chat-request.json";
import invitationSample from "@/lib/providers/chatops/fixtures/invitation.json";
import { requireCapability } from "@/lib/providers/for-connection";
import { allChats, failureOf } from "@/lib/providers/testing/contract";
import { type ChatProvider, declaredCapabilities } from "@/lib/providers/types";
import { type ChatOpsFakeOptions, startChatOpsFake } from "@/sandbox/chatops/index";
import type { SandboxFake } from "@/sandbox/core/provider";
import { fakeForTest, seedChatAt } from "@/sandbox/core/testing";

const SEED_CHAT = "9a983789-1709-4543-aa31-a02867680017";
const SEED_CHAT_2 = "3322d043-4f3c-4a85-92fc-4c6876cd9442";
const SEED_BOT = "5a9b042b-36ca-4aab-ba50-7ceda030d33f";
const UNKNOWN_CHAT = "00000000-0000-4000-8000-000000000000";
const CHATS = "/api/v1/private/chats";

const fakeWith = (options: ChatOpsFakeOptions = {}) => fakeForTest(startChatOpsFake(options));

function providerFor(fake: SandboxFake, settings: Record<string, unknown> = {}, token?: string): ChatProvider {
  const connection = fake.connection();
  return createChatOpsProvider({
    id: "chatops-test",
    kind: "chatops",
    baseUrl: connection.baseUrl,
    credentials: token === undefined ? connection.credentials : { token },
    // Tests that are not about rate limits should not wait for our own limiter.
    settings: { requestsPerWindow: 1_000, ...connection.settings, ...settings },
  });
}

function api(fake: SandboxFake, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fake.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${fake.token}`, "content-type": "application/json", ...init.headers },
  });
}

type RawChat = {
  id: string;
  isActive: boolean;
  title: Array<{ value: string; capturedAt: string }>;
  participants: Array<{
    id: string;
    userProperties: { firstname?: string; username: string };
    participations: Array<{ isActive: boolean; joinedAt: string }>;
  }>;
};

async function rawChats(fake: SandboxFake): Promise<RawChat[]> {
  const response = await api(fake, `${CHATS}/?size=200`);
  return ((await response.json()) as { records: RawChat[] }).records;
}

describe("with the default sandbox", () => {
  let fake: SandboxFake;
  let provider: ChatProvider;

  beforeAll(async () => {
    fake = await startChatOpsFake();
    provider = providerFor(fake);
  });
  afterAll(() => fake.close());
  afterEach(() => fake.clearCalls());

  it("declares exactly the documented capabilities", () => {
    expect(declaredCapabilities(provider).sort()).toEqual(
      [
        "listChats",
        "getChat",
        "listParticipants",
        "removeParticipant",
        "invitationLink",
        "createChat",
        "sendText",
      ].sort(),
    );
    expect(provider.capabilities.listMessages).toBeUndefined();
  });

  it("serves the seed's chat detail verbatim, and the adapter keeps it as raw", async () => {
    const response = await api(fake, `${CHATS}/${SEED_CHAT}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual(chatDetail);
    expect(body).toBe(JSON.stringify(chatDetail));
    const chat = await requireCapability(provider, "getChat")(SEED_CHAT);
    expect(chat.raw).toEqual(chatDetail);
    expect(chat.title).toBe("Chat día 11 XXII");
  });

  it("serves the seed's list records verbatim first, newest first, without sort", async () => {
    const response = await api(fake, `${CHATS}/`);
    const body = (await response.json()) as { records: unknown[]; _metadata: Record<string, number> };
    expect(JSON.stringify(body.records.slice(0, 2))).toBe(JSON.stringify(chatList.records));
    expect(body._metadata).toMatchObject({ currentPage: 0, pageSize: 20, totalRecords: 36, totalPages: 2 });
    const second = await api(fake, `${CHATS}/?id=${SEED_CHAT_2}`);
    expect(((await second.json()) as { records: unknown[] }).records).toEqual([chatList.records[1]]);
  });

  it("answers the invitation in the seed's shape with a t.me invite link", async () => {
    const response = await api(fake, `${CHATS}/${SEED_CHAT}/invitation`);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(Object.keys(invitationSample));
    expect(body.service).toBe(invitationSample.service);
    const link = await requireCapability(provider, "invitationLink")(SEED_CHAT);
    expect(link).toMatch(/^https:\/\/t\.me\/\+[\w-]{16}$/);
    expect(link).toBe(body.invitation);
    expect(fake.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toContain(
      `GET ${CHATS}/${SEED_CHAT}/invitation 200`,
    );
  });

  it("lists the seed chat's bot and agent as participants", async () => {
    const participants = (await requireCapability(provider, "listParticipants")(SEED_CHAT)).items;
    expect(participants.map((participant) => [participant.username, participant.isBot, participant.isActive])).toEqual([
      ["Flood_wait_bot", true, true],
      ["JorgeOiz", false, true],
    ]);
  });

  it("maps each chat's newest title and its activity to status", async () => {
    const raw = await rawChats(fake);
    const renamed = raw.find((chat) => chat.title.length > 1 && !chat.isActive) ?? raw.find((c) => c.title.length > 1);
    if (!renamed) throw new Error("the sandbox has no renamed chat");
    const newest = [...renamed.title].sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt))[0];
    const chat = await requireCapability(provider, "getChat")(renamed.id);
    expect(chat.title).toBe(newest?.value);
    expect(chat.status).toBe(renamed.isActive ? "open" : "closed");
    const chats = await allChats(provider);
    const closed = chats.filter((candidate) => candidate.status === "closed").map((candidate) => candidate.externalId);
    expect(closed.sort()).toEqual(
      raw
        .filter((candidate) => !candidate.isActive)
        .map((candidate) => candidate.id)
        .sort(),
    );
  });

  it("removes a participant at the provider", async () => {
    const raw = await rawChats(fake);
    const target = raw
      .filter((chat) => chat.id !== SEED_CHAT && chat.id !== SEED_CHAT_2)
      .flatMap((chat) => chat.participants.map((participant) => ({ chat, participant })))
      .find(({ participant }) => participant.participations.at(-1)?.isActive === true && participant.id !== SEED_BOT);
    if (!target) throw new Error("no active participant");
    const before = await requireCapability(provider, "getChat")(target.chat.id);
    await requireCapability(provider, "removeParticipant")(target.chat.id, target.participant.id);
    expect(fake.calls).toContainEqual(
      expect.objectContaining({
        method: "DELETE",
        path: `${CHATS}/${target.chat.id}/participants/${target.participant.id}`,
        status: 202,
      }),
    );
    const participants = (await requireCapability(provider, "listParticipants")(target.chat.id)).items;
    expect(participants.find((participant) => participant.externalId === target.participant.id)?.isActive).toBe(false);
    const after = await requireCapability(provider, "getChat")(target.chat.id);
    expect(after.participantsCount).toBe((before.participantsCount ?? 0) - 1);
  });

  it("creates a chat with the seed's request body and finds it afterwards", async () => {
    const { externalId } = await requireCapability(provider, "createChat")(createChatRequest);
    expect(fake.calls[0]).toMatchObject({ method: "POST", path: CHATS, body: createChatRequest, status: 202 });
    const chat = await requireCapability(provider, "getChat")(externalId);
    expect(chat).toMatchObject({ title: "Title of the chat", status: "open", kind: "group" });
    expect((chat.raw as { createdBy: string }).createdBy).toBe("example created by");
  });

  it("counts characters, not UTF-16 units, against createdBy's 50 and refuses 51 before any request", async () => {
    const fifty = "👍".repeat(50);
    await expect(
      requireCapability(provider, "createChat")({ title: "Emoji", createdBy: fifty }),
    ).resolves.toBeDefined();
    fake.clearCalls();
    const tooLong = await failureOf(
      requireCapability(provider, "createChat")({ title: "Долгий", createdBy: "я".repeat(51) }),
    );
    expect(tooLong.kind).toBe("invalid_input");
    const description = await failureOf(
      requireCapability(provider, "createChat")({ title: "Опис", description: "ї".repeat(256) }),
    );
    expect(description.kind).toBe("invalid_input");
    const untitled = await failureOf(requireCapability(provider, "createChat")({ title: "  " }));
    expect(untitled.kind).toBe("invalid_input");
    expect(fake.calls).toEqual([]);
  });

  it("sends a text and reads the new message back by its id", async () => {
    const message = await requireCapability(
      provider,
      "sendText",
    )({
      chatExternalId: SEED_CHAT,
      text: "Добрий день! Замовлення вже в дорозі.",
      clientId: "5f1c8d2e-7a0b-4c43-9d6e-2b8a1f0c3e77",
    });
    const [post, read] = fake.calls;
    expect(post).toMatchObject({
      method: "POST",
      path: `${CHATS}/${SEED_CHAT}/messages`,
      body: { text: "Добрий день! Замовлення вже в дорозі." },
      status: 201,
    });
    expect(read).toMatchObject({ method: "GET", path: `${CHATS}/${SEED_CHAT}/messages/${message?.externalId}` });
    expect(message).toMatchObject({ text: "Добрий день! Замовлення вже в дорозі.", direction: "outbound" });
    const stored = fake.snapshot().chats.find((chat) => chat.externalId === SEED_CHAT);
    expect(stored?.messageExternalIds).toContain(message?.externalId);
  });

  it("refuses an empty text before any request", async () => {
    const error = await failureOf(
      requireCapability(provider, "sendText")({ chatExternalId: SEED_CHAT, text: " ", clientId: "c" }),
    );
    expect(error.kind).toBe("invalid_input");
    expect(fake.calls).toEqual([]);
  });

  it("stores an injected message that only its id can reach (there is no message list)", async () => {
    const { chatExternalId, messageExternalId } = fake.injectInboundMessage({
      chatExternalId: SEED_CHAT_2,
      text: "Здравствуйте, где мой заказ?",
    });
    expect(chatExternalId).toBe(SEED_CHAT_2);
    const response = await api(fake, `${CHATS}/${SEED_CHAT_2}/messages/${messageExternalId}`);
    const message = (await response.json()) as { writtenBy: string; content: Array<{ value: { text: string } }> };
    expect(message.content[0]?.value.text).toBe("Здравствуйте, где мой заказ?");
    // The seed chat holds only the bot and the agent: a customer joins to write.
    const author = (await requireCapability(provider, "listParticipants")(SEED_CHAT_2)).items.find(
      (participant) => participant.externalId === message.writtenBy,
    );
    expect(author).toMatchObject({ isBot: false, isActive: true });
    expect(author?.username).not.toBe("JorgeOiz");

    const control = await fetch(`${fake.url}/__sandbox/inject-message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Hi, I was charged twice.", authorName: "Grace Walker" }),
    });
    const injected = (await control.json()) as { chatExternalId: string; messageExternalId: string };
    const chat = await requireCapability(provider, "getChat")(injected.chatExternalId);
    expect(chat.title).toBe("Grace Walker");
    const participants = (await requireCapability(provider, "listParticipants")(injected.chatExternalId)).items;
    expect(participants.map((participant) => participant.name)).toContain("Grace Walker");
    const snapshot = fake.snapshot().chats.find((candidate) => candidate.externalId === injected.chatExternalId);
    expect(snapshot?.messageExternalIds).toEqual([injected.messageExternalId]);
  });

  it("types unknown chats and participants as not_found", async () => {
    expect((await failureOf(requireCapability(provider, "getChat")(UNKNOWN_CHAT))).kind).toBe("not_found");
    expect((await failureOf(requireCapability(provider, "invitationLink")(UNKNOWN_CHAT))).kind).toBe("not_found");
    const missing = await failureOf(requireCapability(provider, "removeParticipant")(SEED_CHAT, UNKNOWN_CHAT));
    expect(missing.kind).toBe("not_found");
    expect(missing.providerMessage).toContain(UNKNOWN_CHAT);
  });

  it("types a wrong or missing token as unauthorized", async () => {
    const wrong = await failureOf(requireCapability(providerFor(fake, {}, "stolen-token"), "getChat")(SEED_CHAT));
    expect(wrong.kind).toBe("unauthorized");
    expect(wrong.providerMessage).toMatch(/authentication/i);
    const none = await failureOf(requireCapability(providerFor(fake, {}, ""), "listChats")(null));
    expect(none.kind).toBe("unauthorized");
  });

  it("refuses a cursor it did not make", async () => {
    expect((await failureOf(requireCapability(provider, "listChats")("next"))).kind).toBe("invalid_input");
  });
});

describe("chats a test seeds (sandbox control)", () => {
  it("holds a support group with the bot, the agent and the customers, active or not", async () => {
    const fake = await fakeWith({ data: { chats: 2 } });
    const provider = providerFor(fake);
    const seeded = await seedChatAt(fake, { title: "Seeded group", members: ["Ann Lee", "Тарас Мельник"] });
    const chat = await requireCapability(provider, "getChat")(seeded.chatExternalId);
    expect(chat).toMatchObject({ kind: "group", title: "Seeded group", status: "open" });
    const participants = (await requireCapability(provider, "listParticipants")(seeded.chatExternalId)).items;
    expect(participants.map((participant) => [participant.name ?? participant.username, participant.isBot])).toEqual([
      ["Flood_wait_bot", true],
      ["JorgeOiz", false],
      ["Ann Lee", false],
      ["Тарас Мельник", false],
    ]);
    const closed = await seedChatAt(fake, { title: "Seeded closed group", closed: true });
    expect(await requireCapability(provider, "getChat")(closed.chatExternalId)).toMatchObject({ status: "closed" });
    await expect(seedChatAt(fake, { title: "x", messages: [{ text: "hi" }] })).rejects.toThrow(
      "The chat operations sandbox has no messages",
    );
  });
});

describe("paging", () => {
  it("walks every page with size 200 to the last one", async () => {
    const fake = await fakeWith({ data: { chats: 450, messagesPerChat: 2 } });
    const chats = await allChats(providerFor(fake));
    const ids = chats.map((chat) => chat.externalId);
    expect(new Set(ids).size).toBe(450);
    expect(ids.sort()).toEqual(
      fake
        .snapshot()
        .chats.map((chat) => chat.externalId)
        .sort(),
    );
    expect(ids).toContain(SEED_CHAT);
    expect(fake.calls.map((call) => [call.query.page, call.query.size])).toEqual([
      ["0", "200"],
      ["1", "200"],
      ["2", "200"],
    ]);
  });

  it("ends on an empty list", async () => {
    const fake = await fakeWith({ data: { chats: 2 } });
    const page = await requireCapability(providerFor(fake), "listChats")("5");
    expect(page).toEqual({ items: [], nextCursor: null, skipped: [] });
  });
});

describe("created ids in every accepted form", () => {
  for (const idFormat of ["json-string", "object", "text"] as const) {
    it(`reads a ${idFormat} id from 202 and 201 answers`, async () => {
      const fake = await fakeWith({ idFormat, data: { chats: 3 } });
      const provider = providerFor(fake);
      const { externalId } = await requireCapability(provider, "createChat")({ title: "Підтримка: Оксана Мельник" });
      expect((await requireCapability(provider, "getChat")(externalId)).title).toBe("Підтримка: Оксана Мельник");
      const message = await requireCapability(
        provider,
        "sendText",
      )({ chatExternalId: externalId, text: "Вітаю!", clientId: "c" });
      expect(message?.text).toBe("Вітаю!");
    });
  }
});

describe("a sent message that cannot be read back", () => {
  it("is still reported as sent, with its id, so the outbox does not send it twice", async () => {
    // One request a minute: the POST goes through, the read-back is refused with a long Retry-After.
    const fake = await fakeWith({ data: { chats: 3 }, rateLimit: { limit: 1, windowMs: 60_000 } });
    const provider = providerFor(fake, { maxRateLimitWaitMs: 0 });
    const message = await requireCapability(
      provider,
      "sendText",
    )({ chatExternalId: SEED_CHAT, text: "Дякую!", clientId: "c" });
    expect(fake.calls.map((call) => [call.method, call.status])).toEqual([
      ["POST", 201],
      ["GET", 429],
    ]);
    const posted = fake
      .snapshot()
      .chats.find((chat) => chat.externalId === SEED_CHAT)
      ?.messageExternalIds.at(-1);
    expect(message).toMatchObject({ externalId: posted, text: "Дякую!", direction: "outbound", deliveryState: "sent" });
  });
});

describe("failures", () => {
  it("types a body that is not JSON as malformed, without crashing", async () => {
    const fake = await fakeWith({ data: { chats: 3 }, faults: { rate: 1, kinds: ["malformed"] } });
    const provider = providerFor(fake);
    expect((await failureOf(requireCapability(provider, "getChat")(SEED_CHAT))).kind).toBe("malformed");
    expect((await failureOf(requireCapability(provider, "listChats")(null))).kind).toBe("malformed");
    expect((await failureOf(requireCapability(provider, "createChat")({ title: "x" }))).kind).toBe("malformed");
  });

  it("types a hanging request as a timeout", async () => {
    const fake = await fakeWith({ data: { chats: 3 }, faults: { rate: 1, kinds: ["timeout"], hangMs: 5_000 } });
    const error = await failureOf(requireCapability(providerFor(fake, { timeoutMs: 200 }), "getChat")(SEED_CHAT));
    expect(error.kind).toBe("timeout");
  });

  it("types a 5xx as server", async () => {
    const fake = await fakeWith({ data: { chats: 3 }, faults: { rate: 1, kinds: ["server_error"] } });
    expect((await failureOf(requireCapability(providerFor(fake), "getChat")(SEED_CHAT))).kind).toBe("server");
  });
});

describe("rate limits", () => {
  it("waits out a 429 for as long as Retry-After says, then succeeds", async () => {
    const fake = await fakeWith({ data: { chats: 3 }, rateLimit: { limit: 2, windowMs: 1_000 } });
    const provider = providerFor(fake);
    const startedAt = Date.now();
    for (let index = 0; index < 3; index++) await requireCapability(provider, "getChat")(SEED_CHAT);
    expect(fake.calls.map((call) => call.status)).toEqual([200, 200, 429, 200]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
  });

  it("hands a long wait to the caller as a typed rate_limited error", async () => {
    const fake = await fakeWith({ data: { chats: 3 }, faults: { forceStatus: 429 } });
    const error = await failureOf(
      requireCapability(providerFor(fake, { maxRateLimitWaitMs: 100 }), "getChat")(SEED_CHAT),
    );
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(1_000);
    expect(fake.calls).toHaveLength(1);
  });

  it("gives up after a few waits when the provider keeps refusing", async () => {
    const fake = await fakeWith({ data: { chats: 3 }, faults: { forceStatus: 429 } });
    const error = await failureOf(requireCapability(providerFor(fake), "getChat")(SEED_CHAT));
    expect(error.kind).toBe("rate_limited");
    expect(fake.calls).toHaveLength(3);
  });

  it("keeps under its own limit so the provider never has to refuse", async () => {
    // The fake counts arrivals and we count departures: its window is a little shorter for jitter.
    const fake = await fakeWith({ data: { chats: 3 }, rateLimit: { limit: 3, windowMs: 900 } });
    const provider = providerFor(fake, { requestsPerWindow: 3, rateLimitWindowMs: 1_000 });
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => requireCapability(provider, "getChat")(SEED_CHAT)));
    expect(fake.calls.every((call) => call.status === 200)).toBe(true);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
  });
});
