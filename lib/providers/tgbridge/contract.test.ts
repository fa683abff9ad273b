/**
 * The bridge adapter against its sandbox over real HTTP: every declared capability, paging to
 * the last page, JSON and XML (negotiated and XML-only), typed failures, and the seed's
 * samples (docs/providers/seeds/000_62f7899ae3925019.txt) coming back verbatim.
 */

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProviderErrorKind } from "@/lib/providers/errors";
import { failureOf } from "@/lib/providers/testing/contract";
import { createTgBridgeProvider } from "@/lib/providers/tgbridge/adapter";
import { type ChatProvider, declaredCapabilities, type NormalizedMessage } from "@/lib/providers/types";
import { NO_FAULTS } from "@/sandbox/core/faults";
import type { FakeResponse } from "@/sandbox/core/http";
import { startFakeServer } from "@/sandbox/core/server";
import { fakeForTest, seedChatAt } from "@/sandbox/core/testing";
import { startTgBridgeFake, type TgBridgeFake, type TgBridgeFakeOptions } from "@/sandbox/tgbridge/index";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const SAMPLE_QUERY = "api/Telegram/GetActiveChatByPhone?phone=sample%20string%208&name=sample%20string%207&source=0";
const SAMPLE_LOOKUP = { phone: "sample string 8", name: "sample string 7", source: 0 };
const BIG_CHAT = "101";

function need<T>(capability: T | undefined): T {
  if (capability === undefined) throw new Error("capability not declared");
  return capability;
}

type ProviderOverrides = { settings?: Record<string, unknown>; token?: string };

function providerFor(fake: TgBridgeFake, overrides: ProviderOverrides = {}): ChatProvider {
  const connection = fake.connection();
  return createTgBridgeProvider({
    id: `contract-${randomUUID()}`,
    kind: "tgbridge",
    baseUrl: connection.baseUrl,
    // A token of its own per provider: its own rate limiter, so tests do not wait on each other.
    credentials: { token: overrides.token ?? `contract-${randomUUID()}` },
    settings: { ...connection.settings, ...overrides.settings },
  });
}

async function expectKind(promise: Promise<unknown>, kind: ProviderErrorKind) {
  const error = await failureOf(promise);
  expect(error.kind, String(error)).toBe(kind);
  return error;
}

async function allMessages(provider: ChatProvider, chatId: string) {
  const listMessages = need(provider.capabilities.listMessages);
  const pages: NormalizedMessage[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listMessages>> = await listMessages(chatId, cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return { pages, cursor };
}

const withoutRaw = <T extends { raw: unknown }>(items: T[]) => items.map(({ raw: _raw, ...rest }) => rest);

async function withFake<T>(options: TgBridgeFakeOptions, run: (fake: TgBridgeFake) => Promise<T>): Promise<T> {
  const fake = await fakeForTest(startTgBridgeFake(options));
  return await run(fake);
}

let fake: TgBridgeFake;
let provider: ChatProvider;

beforeAll(async () => {
  fake = await startTgBridgeFake({ seed: 7 });
  provider = providerFor(fake);
});
afterAll(() => fake.close());

describe("capabilities", () => {
  it("declares exactly what the bridge documents", () => {
    expect(declaredCapabilities(provider)).toEqual([
      "listChats",
      "getChat",
      "listMessages",
      "sendText",
      "sendReply",
      "closeChat",
      "lookupByPhone",
    ]);
  });
});

describe("the seed's samples", () => {
  it("come back verbatim in JSON and XML, negotiated by Accept", async () => {
    const json = await fetch(`${fake.url}/${SAMPLE_QUERY}`, { headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json.text()).toBe(fixture("get-active-chat-by-phone.json"));

    const xml = await fetch(`${fake.url}/${SAMPLE_QUERY}`, { headers: { accept: "application/xml" } });
    expect(xml.headers.get("content-type")).toMatch(/^application\/xml/);
    expect(await xml.text()).toBe(fixture("get-active-chat-by-phone.xml"));

    const textXml = await fetch(`${fake.url}/${SAMPLE_QUERY}`, { headers: { accept: "text/xml" } });
    expect(textXml.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await textXml.text()).toBe(fixture("get-active-chat-by-phone.xml"));

    // ASP.NET's default when Accept says nothing useful: JSON.
    const plain = await fetch(`${fake.url}/${SAMPLE_QUERY}`, { headers: { accept: "text/html" } });
    expect(await plain.text()).toBe(fixture("get-active-chat-by-phone.json"));
  });

  it("come back as XML from an XML-only bridge whatever Accept says", async () => {
    await withFake({ xmlOnly: true }, async (xmlOnly) => {
      const response = await fetch(`${xmlOnly.url}/${SAMPLE_QUERY}`, { headers: { accept: "application/json" } });
      expect(response.headers.get("content-type")).toMatch(/^application\/xml/);
      expect(await response.text()).toBe(fixture("get-active-chat-by-phone.xml"));
    });
  });

  it("are found by lookupByPhone, with the same result from JSON and XML", async () => {
    const lookup = need(provider.capabilities.lookupByPhone);
    const json = await lookup(SAMPLE_LOOKUP);
    const xml = await need(providerFor(fake, { settings: { format: "xml" } }).capabilities.lookupByPhone)(
      SAMPLE_LOOKUP,
    );
    expect(json?.chat).toMatchObject({ externalId: "1", status: "closed", phone: "sample string 8" });
    expect(json?.messages.map((message) => [message.externalId, message.systemEvent])).toEqual([["2", "chat_closed"]]);
    expect(xml && withoutRaw([xml.chat])).toEqual(json && withoutRaw([json.chat]));
    expect(withoutRaw(xml?.messages ?? [])).toEqual(withoutRaw(json?.messages ?? []));
    expect(fake.calls.at(-1)?.query).toEqual({ phone: "sample string 8", name: "sample string 7", source: "0" });
  });
});

describe("reading", () => {
  it("lists every chat, open and closed, on one page", async () => {
    const page = await need(provider.capabilities.listChats)(null);
    expect(page.nextCursor).toBeNull();
    const expected = fake.snapshot().chats.map((chat) => chat.externalId);
    expect(page.items.map((chat) => chat.externalId).sort()).toEqual([...expected].sort());
    expect(page.items.length).toBe(37);
    expect(page.items.some((chat) => chat.status === "closed")).toBe(true);
    expect(page.items.every((chat) => chat.title.trim() !== "" && chat.phone)).toBe(true);
    expect(fake.calls.at(-1)).toMatchObject({
      path: "/api/Telegram/GetChats",
      query: { employeeId: "1", history: "true", myChats: "false", myTerritory: "false" },
    });
  });

  it("pages a chat of hundreds of messages back to its first, widening extendDay", async () => {
    fake.clearCalls();
    const { pages, cursor } = await allMessages(provider, BIG_CHAT);
    expect(cursor).toBeNull();
    expect(pages.length).toBeGreaterThan(2);
    const ids = pages.flat().map((message) => message.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = fake.snapshot().chats.find((chat) => chat.externalId === BIG_CHAT)?.messageExternalIds ?? [];
    expect(expected.length).toBeGreaterThan(300);
    expect([...ids].sort()).toEqual([...expected].sort());
    const extendDays = fake.calls.map((call) => Number(call.query.extendDay ?? 0));
    expect(extendDays[0]).toBe(0);
    expect(extendDays).toEqual([...extendDays].sort((a, b) => a - b));
    // Each page is older than the one before.
    const oldest = pages
      .filter((page) => page.length > 0)
      .map((page) => Math.min(...page.map((m) => m.createdAt.getTime())));
    expect(oldest).toEqual([...oldest].sort((a, b) => b - a));
    expect(pages.flat().find((message) => message.systemEvent === "chat_opened")).toBeDefined();
  });

  it("reads small chats completely, with replies, reactions, attachments and closing events", async () => {
    const chats = fake.snapshot().chats.slice(1, 12);
    const messages: NormalizedMessage[] = [];
    for (const chat of chats) {
      const { pages } = await allMessages(provider, chat.externalId);
      const ids = pages.flat().map((message) => message.externalId);
      expect([...ids].sort()).toEqual([...chat.messageExternalIds].sort());
      messages.push(...pages.flat());
    }
    expect(messages.some((message) => message.direction === "inbound")).toBe(true);
    expect(messages.some((message) => message.direction === "outbound" && message.authorName)).toBe(true);
    expect(messages.some((message) => message.attachments.length > 0)).toBe(true);
    expect(messages.some((message) => message.reactions.length > 0)).toBe(true);
    expect(messages.some((message) => message.replyTo?.text)).toBe(true);
    expect(messages.some((message) => message.systemEvent === "chat_closed")).toBe(true);
  });

  it("gets one chat with its status and title", async () => {
    const listed = (await need(provider.capabilities.listChats)(null)).items;
    const closed = listed.find((chat) => chat.status === "closed" && chat.externalId !== "1");
    const open = listed.find((chat) => chat.status === "open" && chat.externalId !== "1");
    for (const expected of [closed, open]) {
      const chat = await need(provider.capabilities.getChat)(expected?.externalId ?? "");
      expect(chat).toMatchObject({
        externalId: expected?.externalId,
        title: expected?.title,
        status: expected?.status,
      });
    }
  });

  it("reads the same from a bridge that answers only XML", async () => {
    const now = Date.now();
    await withFake({ seed: 7, now }, async (jsonBridge) => {
      await withFake({ seed: 7, now, xmlOnly: true }, async (xmlBridge) => {
        const jsonProvider = providerFor(jsonBridge);
        const xmlProvider = providerFor(xmlBridge);
        const [jsonChats, xmlChats] = await Promise.all([
          need(jsonProvider.capabilities.listChats)(null),
          need(xmlProvider.capabilities.listChats)(null),
        ]);
        expect(withoutRaw(xmlChats.items)).toEqual(withoutRaw(jsonChats.items));
        const [jsonPages, xmlPages] = await Promise.all([
          allMessages(jsonProvider, BIG_CHAT),
          allMessages(xmlProvider, BIG_CHAT),
        ]);
        expect(xmlPages.pages.map(withoutRaw)).toEqual(jsonPages.pages.map(withoutRaw));
        const [jsonChat, xmlChat] = await Promise.all([
          need(jsonProvider.capabilities.getChat)("102"),
          need(xmlProvider.capabilities.getChat)("102"),
        ]);
        expect(withoutRaw([xmlChat])).toEqual(withoutRaw([jsonChat]));
        expect(xmlBridge.calls.length).toBeGreaterThan(3);
      });
    });
  });

  it("says null when a phone has no active chat", async () => {
    expect(await need(provider.capabilities.lookupByPhone)({ phone: "+10000000000", name: "x", source: 0 })).toBeNull();
    const xml = providerFor(fake, { settings: { format: "xml" } });
    expect(await need(xml.capabilities.lookupByPhone)({ phone: "+10000000000", name: "x", source: 0 })).toBeNull();
  });
});

describe("writing", () => {
  it("sends a text as the configured employee and gets the stored message back", async () => {
    await withFake({ seed: 3 }, async (bridge) => {
      const bridgeProvider = providerFor(bridge);
      const sent = await need(bridgeProvider.capabilities.sendText)({
        chatExternalId: BIG_CHAT,
        text: "Добрый день! Проверяю ваш заказ.",
        clientId: randomUUID(),
      });
      expect(sent).toMatchObject({
        chatExternalId: BIG_CHAT,
        direction: "outbound",
        text: "Добрый день! Проверяю ваш заказ.",
      });
      expect(bridge.calls.at(-1)).toMatchObject({
        method: "POST",
        path: "/api/Telegram/SendChatTGMessage",
        body: { Chat: 101, EmployeeId: 1, MessageType: 2, Message: "Добрый день! Проверяю ваш заказ." },
      });
      const newest = await need(bridgeProvider.capabilities.listMessages)(BIG_CHAT, null);
      expect(newest.items.map((message) => message.externalId)).toContain(sent?.externalId);
    });
  });

  it("sends a reply with ReplyId and shows the quote", async () => {
    await withFake({ seed: 3 }, async (bridge) => {
      const bridgeProvider = providerFor(bridge);
      const page = await need(bridgeProvider.capabilities.listMessages)(BIG_CHAT, null);
      const target = page.items.find((message) => message.direction === "inbound" && message.text);
      const sent = await need(bridgeProvider.capabilities.sendReply)({
        chatExternalId: BIG_CHAT,
        text: "Отвечаю на это",
        replyToExternalId: target?.externalId ?? "",
        clientId: randomUUID(),
      });
      expect(bridge.calls.at(-1)?.body).toMatchObject({ ReplyId: Number(target?.externalId) });
      expect(sent?.replyTo).toEqual({
        externalId: target?.externalId,
        authorName: target?.authorName,
        text: target?.text,
      });
      await expectKind(
        need(bridgeProvider.capabilities.sendReply)({
          chatExternalId: BIG_CHAT,
          text: "x",
          replyToExternalId: "not-a-number",
          clientId: randomUUID(),
        }),
        "invalid_input",
      );
    });
  });

  it("returns null when the bridge answers a send with no content, and the message is there", async () => {
    await withFake({ seed: 3, sendAnswer: "empty" }, async (bridge) => {
      const before =
        bridge.snapshot().chats.find((chat) => chat.externalId === BIG_CHAT)?.messageExternalIds.length ?? 0;
      const sent = await need(providerFor(bridge).capabilities.sendText)({
        chatExternalId: BIG_CHAT,
        text: "Hello!",
        clientId: randomUUID(),
      });
      expect(sent).toBeNull();
      const after =
        bridge.snapshot().chats.find((chat) => chat.externalId === BIG_CHAT)?.messageExternalIds.length ?? 0;
      expect(after).toBe(before + 1);
    });
  });

  it("closes a chat with a CloseChatMode message, and closing again is harmless", async () => {
    await withFake({ seed: 3 }, async (bridge) => {
      const bridgeProvider = providerFor(bridge);
      await need(bridgeProvider.capabilities.closeChat)(BIG_CHAT);
      expect(bridge.calls.at(-1)?.body).toMatchObject({ Chat: 101, EmployeeId: 1, MessageType: 0 });
      expect(await need(bridgeProvider.capabilities.getChat)(BIG_CHAT)).toMatchObject({ status: "closed" });
      await need(bridgeProvider.capabilities.closeChat)(BIG_CHAT);
      const listed = await need(bridgeProvider.capabilities.listChats)(null);
      expect(listed.items.find((chat) => chat.externalId === BIG_CHAT)?.status).toBe("closed");
      const events = (await need(bridgeProvider.capabilities.listMessages)(BIG_CHAT, null)).items.filter(
        (message) => message.systemEvent === "chat_closed",
      );
      expect(events).toHaveLength(1);
    });
  });

  it("sends and closes with the MessageType numbers the connection's settings give (text, as the admin form sends them)", async () => {
    await withFake({ seed: 3 }, async (bridge) => {
      const configured = providerFor(bridge, { settings: { sendMessageType: "3", closeMessageType: "0" } });
      await need(configured.capabilities.sendText)({
        chatExternalId: BIG_CHAT,
        text: "Без меню",
        clientId: randomUUID(),
      });
      expect(bridge.calls.at(-1)?.body).toMatchObject({ Chat: 101, MessageType: 3, Message: "Без меню" });
      await need(configured.capabilities.closeChat)(BIG_CHAT);
      expect(bridge.calls.at(-1)?.body).toMatchObject({ Chat: 101, MessageType: 0 });
    });
    for (const wrong of ["-1", "256", "two", 2.5]) {
      expect(() => providerFor(fake, { settings: { sendMessageType: wrong } })).toThrow();
    }
  });

  it("refuses to send without an employee id, before any request", async () => {
    const anonymous = providerFor(fake, { settings: { employeeId: null } });
    const calls = fake.calls.length;
    await expectKind(
      need(anonymous.capabilities.sendText)({ chatExternalId: BIG_CHAT, text: "hi", clientId: randomUUID() }),
      "invalid_input",
    );
    expect(fake.calls.length).toBe(calls);
  });
});

describe("customers writing (sandbox control)", () => {
  it("a new inbound message shows up; after a chat was closed it opens a new chat", async () => {
    await withFake({ seed: 5 }, async (bridge) => {
      const bridgeProvider = providerFor(bridge);
      const response = await fetch(`${bridge.url}/__sandbox/inject-message`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chatExternalId: BIG_CHAT, text: "Есть новости?" }),
      });
      const injected = (await response.json()) as { chatExternalId: string; messageExternalId: string };
      expect(injected.chatExternalId).toBe(BIG_CHAT);
      const newest = await need(bridgeProvider.capabilities.listMessages)(BIG_CHAT, null);
      expect(newest.items.find((message) => message.externalId === injected.messageExternalId)).toMatchObject({
        direction: "inbound",
        text: "Есть новости?",
      });

      await need(bridgeProvider.capabilities.closeChat)(BIG_CHAT);
      const again = bridge.injectInboundMessage({ chatExternalId: BIG_CHAT, text: "Ещё вопрос" });
      expect(again.chatExternalId).not.toBe(BIG_CHAT);
      const reopened = await need(bridgeProvider.capabilities.getChat)(again.chatExternalId);
      expect(reopened).toMatchObject({ status: "open", lastMessagePreview: "Ещё вопрос" });
      const found = await need(bridgeProvider.capabilities.lookupByPhone)({
        phone: reopened.phone ?? "",
        name: reopened.title,
        source: 0,
      });
      expect(found?.chat.externalId).toBe(again.chatExternalId);
      expect(found?.messages.map((message) => message.systemEvent ?? message.text)).toEqual([
        "chat_opened",
        "Ещё вопрос",
      ]);
    });
  });
});

describe("chats a test seeds (sandbox control)", () => {
  it("holds the customer's and the employee's messages, a quote, reactions, files and the closing", async () => {
    const title = `Seeded customer ${randomUUID()}`;
    const seeded = await seedChatAt(fake, {
      title,
      closed: true,
      messages: [
        { text: "Где мой заказ?", reactions: ["👍"] },
        { from: "agent", text: "Уже проверяю", replyTo: 0 },
        { attachments: ["image", "voice"] },
      ],
    });
    const chat = await need(provider.capabilities.getChat)(seeded.chatExternalId);
    expect(chat).toMatchObject({ title, status: "closed", phone: seeded.phone });
    const { pages } = await allMessages(provider, seeded.chatExternalId);
    const messages = pages.flat().filter((message) => message.direction !== "system");
    expect(messages.map((message) => message.externalId)).toEqual(seeded.messageExternalIds);
    expect(messages.map((message) => [message.direction, message.text])).toEqual([
      ["inbound", "Где мой заказ?"],
      ["outbound", "Уже проверяю"],
      ["inbound", null],
    ]);
    expect(messages[0]?.reactions.map((reaction) => reaction.emoji)).toEqual(["👍"]);
    expect(messages[1]?.replyTo).toMatchObject({ externalId: seeded.messageExternalIds[0], text: "Где мой заказ?" });
    expect(messages[2]?.attachments.map((attachment) => attachment.kind)).toEqual(["image", "voice"]);
  });

  it("refuses what a bridge chat cannot be, and bad input, naming it", async () => {
    const seed = (body: unknown) =>
      fetch(`${fake.url}/__sandbox/chats`, { method: "POST", body: JSON.stringify(body) }).then(async (response) => ({
        status: response.status,
        error: ((await response.json()) as { error: string }).error,
      }));
    expect(await seed({ title: "A group", group: true, members: ["Ann"] })).toEqual({
      status: 400,
      error: "The Telegram bridge sandbox has no group, members",
    });
    expect((await seed({ title: "x", messages: [{ attachments: ["share"] }] })).status).toBe(400);
    expect((await seed({ title: "x", messages: [{ text: "a", replyTo: 0 }] })).status).toBe(400);
    expect((await seed({ title: "" })).status).toBe(400);
    expect((await seed({ title: "x", messages: [{}] })).status).toBe(400);
  });
});

describe("failures", () => {
  it("a wrong or missing token is unauthorized; the right one works", async () => {
    await withFake({ token: "right-token" }, async (bridge) => {
      const error = await expectKind(
        need(providerFor(bridge, { token: "wrong" }).capabilities.listChats)(null),
        "unauthorized",
      );
      expect(error.providerMessage).toBe("Authorization has been denied for this request.");
      await expectKind(need(providerFor(bridge, { token: "" }).capabilities.listChats)(null), "unauthorized");
      const page = await need(providerFor(bridge, { token: "right-token" }).capabilities.listChats)(null);
      expect(page.items.length).toBeGreaterThan(0);
    });
  });

  it("an unknown chat is not_found (JSON and XML errors); a non-numeric id never leaves the inbox", async () => {
    await expectKind(need(provider.capabilities.getChat)("999999"), "not_found");
    const xml = providerFor(fake, { settings: { format: "xml" } });
    const error = await expectKind(need(xml.capabilities.listMessages)("999999", null), "not_found");
    expect(error.providerMessage).toBe("Chat 999999 was not found.");
    const calls = fake.calls.length;
    await expectKind(need(provider.capabilities.getChat)("abc"), "invalid_input");
    expect(fake.calls.length).toBe(calls);
  });

  it("GetChats without an employee id is the bridge's 404 (no matching action)", async () => {
    const error = await expectKind(
      need(providerFor(fake, { settings: { employeeId: null } }).capabilities.listChats)(null),
      "not_found",
    );
    expect(error.providerMessage).toMatch(/No HTTP resource was found/);
  });

  it("a 429 is rate_limited and the next request waits out its Retry-After", async () => {
    await withFake({ faults: { forceStatus: 429 } }, async (bridge) => {
      const limited = providerFor(bridge);
      const error = await expectKind(need(limited.capabilities.listChats)(null), "rate_limited");
      expect(error.retryAfterMs).toBe(1000);
      bridge.setFaults(NO_FAULTS);
      const started = Date.now();
      await need(limited.capabilities.listChats)(null);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });
  });

  it("a 5xx is a server error with the bridge's message", async () => {
    await withFake({ faults: { forceStatus: 503 } }, async (bridge) => {
      const error = await expectKind(need(providerFor(bridge).capabilities.getChat)(BIG_CHAT), "server");
      expect(error.providerMessage).toBe("Forced by the sandbox");
    });
  });

  it("a malformed body is malformed, in JSON and in XML, and nothing crashes", async () => {
    for (const xmlOnly of [false, true]) {
      await withFake({ xmlOnly, faults: { rate: 1, kinds: ["malformed"] } }, async (bridge) => {
        await expectKind(need(providerFor(bridge).capabilities.listChats)(null), "malformed");
        await expectKind(need(providerFor(bridge).capabilities.lookupByPhone)(SAMPLE_LOOKUP), "malformed");
      });
    }
  });

  it("a body of the wrong content type is malformed, a bad item is skipped and named; an empty lookup answer is no chat", async () => {
    // A stand-in bridge that answers oddly, to see the client read by Content-Type and shape.
    const answers: Record<string, FakeResponse> = {
      "/api/Telegram/GetChats": { status: 200, json: [{ Name: "no Id" }] },
      "/api/Telegram/GetChatData/1": { status: 200, text: "<html>IIS</html>", contentType: "text/html" },
      "/api/Telegram/GetChatData/2": {
        status: 200,
        text: "<ChatData><messages><MessageStructDto><Id>abc</Id></MessageStructDto></messages></ChatData>",
        contentType: "text/xml",
      },
      // No Content-Type at all: the first character tells XML from JSON.
      "/api/Telegram/GetChatData/3": {
        status: 200,
        text: "<ChatData><chatInfo><Id>3</Id></chatInfo><messages /></ChatData>",
        contentType: "",
      },
      "/api/Telegram/GetActiveChatByPhone": { status: 204, text: "", contentType: "text/plain" },
    };
    const authorizations: Array<string | undefined> = [];
    const odd = await startFakeServer({
      handle: (request) => {
        authorizations.push(request.headers.authorization);
        return answers[request.path];
      },
      errorBody: (status, message) => ({ status, json: { Message: message } }),
    });
    try {
      const oddProvider = createTgBridgeProvider({
        id: "odd",
        kind: "tgbridge",
        baseUrl: odd.url,
        credentials: {},
        settings: { employeeId: 1 },
      });
      const chats = await need(oddProvider.capabilities.listChats)(null);
      expect(chats).toMatchObject({
        items: [],
        nextCursor: null,
        skipped: [{ providerId: null, path: "chats[0].Id" }],
      });
      await expectKind(need(oddProvider.capabilities.getChat)("1"), "malformed");
      // The chat exists (the bridge sent a record for it); its unreadable record is skipped.
      const page = await need(oddProvider.capabilities.listMessages)("2", null);
      expect(page.items).toEqual([]);
      expect(page.skipped).toMatchObject([{ providerId: "abc", path: "messages[0].Id" }]);
      expect(await need(oddProvider.capabilities.getChat)("3")).toMatchObject({ externalId: "3", status: "open" });
      expect(await need(oddProvider.capabilities.lookupByPhone)(SAMPLE_LOOKUP)).toBeNull();
      // Without a token no Authorization header is sent.
      expect(authorizations).toEqual(Array(5).fill(undefined));
    } finally {
      await odd.close();
    }
  });

  it("a bridge that does not answer in time is a timeout", async () => {
    await withFake({ faults: { rate: 1, kinds: ["timeout"], hangMs: 3000 } }, async (bridge) => {
      const started = Date.now();
      await expectKind(
        need(providerFor(bridge, { settings: { timeoutMs: 200 } }).capabilities.getChat)(BIG_CHAT),
        "timeout",
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});

describe("sandbox data", () => {
  it("is the same for the same seed and scales past 10,000 messages quickly", async () => {
    const [first, second] = await Promise.all([startTgBridgeFake({ seed: 11 }), startTgBridgeFake({ seed: 11 })]);
    expect(first.snapshot()).toEqual(second.snapshot());
    await Promise.all([first.close(), second.close()]);

    const started = Date.now();
    await withFake({ seed: 2, data: { chats: 60, messagesPerChat: 170, bigChatMessages: 500 } }, async (big) => {
      const total = big.snapshot().chats.reduce((sum, chat) => sum + chat.messageExternalIds.length, 0);
      expect(total).toBeGreaterThanOrEqual(10_000);
      const page = await need(providerFor(big).capabilities.listChats)(null);
      expect(page.items).toHaveLength(61);
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
