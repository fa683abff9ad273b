/**
 * The MAX adapter against the MAX sandbox over real HTTP: every declared capability, paging to
 * the last page, long polling, and each failure typed as the http kit promises.
 * Docs: seed docs/providers/seeds/003_1ec703991a94c4d2.txt, docs/providers/max.md.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderErrorKind } from "@/lib/providers/errors";
import { createMaxProvider } from "@/lib/providers/max/adapter";
import chatByLink from "@/lib/providers/max/fixtures/chat-by-link.json";
import dialogByUsername from "@/lib/providers/max/fixtures/dialog-by-username.json";
import invalidToken from "@/lib/providers/max/fixtures/error-invalid-token.json";
import membersPage from "@/lib/providers/max/fixtures/members.json";
import messagesPage from "@/lib/providers/max/fixtures/messages.json";
import { failureOf } from "@/lib/providers/testing/contract";
import {
  type Capabilities,
  type ChatProvider,
  declaredCapabilities,
  type NormalizedMessage,
  type ProviderUpdate,
} from "@/lib/providers/types";
import type { SandboxFake } from "@/sandbox/core/provider";
import { fakeForTest, seedChatAt } from "@/sandbox/core/testing";
import { startMaxFake } from "@/sandbox/max/index";

const GROUP_ID = String(chatByLink.chat_id);
const DIALOG_ID = String(dialogByUsername.chat_id);

let fake: SandboxFake;
let provider: ChatProvider;
let max: Capabilities;

function providerFor(target: SandboxFake, overrides: { token?: string; settings?: Record<string, unknown> } = {}) {
  const connection = target.connection();
  return createMaxProvider({
    id: "max-contract",
    kind: "max",
    baseUrl: connection.baseUrl,
    credentials: { token: overrides.token ?? target.token },
    settings: { ...connection.settings, ...overrides.settings },
  });
}

const DECLARED = [
  "getChat",
  "listMessages",
  "pollUpdates",
  "sendText",
  "sendFile",
  "sendReply",
  "listParticipants",
  "lookupByLink",
  "invitationLink",
] as const;

/** The capabilities this file calls; the cast is safe once each is checked to be there. */
function capabilitiesOf(target: ChatProvider): Capabilities {
  for (const name of DECLARED) expect(target.capabilities[name], name).toBeTypeOf("function");
  return target.capabilities as Capabilities;
}

async function raw(target: SandboxFake, pathAndQuery: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${target.url}${pathAndQuery}`, {
    headers: { authorization: target.token, ...headers },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function allMessages(chatId: string, target: Capabilities = max): Promise<NormalizedMessage[]> {
  const items: NormalizedMessage[] = [];
  let cursor: string | null = null;
  do {
    const page = await target.listMessages(chatId, cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/** Polls without waiting until the backlog is drained; returns everything and the final marker. */
async function drainUpdates(target: Capabilities, from: string | null = null) {
  const updates: ProviderUpdate[] = [];
  let marker = from;
  for (;;) {
    const batch = await target.pollUpdates(marker, 0);
    updates.push(...batch.updates);
    if (batch.updates.length === 0) return { updates, marker: batch.marker };
    marker = batch.marker;
  }
}

beforeAll(async () => {
  fake = await startMaxFake({ seed: 7, token: "contract-max-token" });
  provider = providerFor(fake);
  max = capabilitiesOf(provider);
});

afterAll(async () => {
  await fake.close();
});

afterEach(() => {
  fake.setFaults({ rate: 0, forceStatus: null, latencyMs: 0 });
});

describe("MAX capabilities", () => {
  it("declares exactly what the documents support (no retired listChats, no read/close/remove)", () => {
    expect(declaredCapabilities(provider).sort()).toEqual([...DECLARED].sort());
  });
});

describe("the seed's samples from the sandbox", () => {
  it("serves the seed-derived chat verbatim by id, by public link and by @link", async () => {
    for (const path of [`/chats/${GROUP_ID}`, "/chats/dostavka_help", "/chats/@dostavka_help"]) {
      expect(await raw(fake, path)).toEqual({ status: 200, body: chatByLink });
    }
  });

  it("serves the dialog verbatim by the customer's username", async () => {
    expect(await raw(fake, "/chats/olena_kovalenko")).toEqual({ status: 200, body: dialogByUsername });
  });

  it("serves the sample messages page and members verbatim", async () => {
    expect(await raw(fake, `/messages?chat_id=${GROUP_ID}&count=12`)).toEqual({ status: 200, body: messagesPage });
    expect(await raw(fake, `/chats/${GROUP_ID}/members?count=100`)).toEqual({ status: 200, body: membersPage });
  });

  it("answers a wrong token with the documented error body", async () => {
    expect(await raw(fake, "/me", { authorization: "wrong" })).toEqual({ status: 401, body: invalidToken });
  });

  it("serves a chat with every field of the seed's Chat table", async () => {
    const seed = readFileSync(path.join(import.meta.dirname, "fixtures/003_1ec703991a94c4d2.txt"), "utf8");
    const result = seed.slice(seed.indexOf("Результат"));
    const fields = [...result.matchAll(/^([a-z_]+?)(integer|enum|string|object|boolean)\b/gm)].map((match) => match[1]);
    expect(fields).toHaveLength(15);
    const { body } = await raw(fake, "/chats/@dostavka_help");
    expect(Object.keys(body as object)).toEqual(expect.arrayContaining(fields));
  });
});

describe("learning chats and messages from long polling", () => {
  it("learns every chat and every message from the backlog, without GET /chats", async () => {
    const fresh = await fakeForTest(startMaxFake({ seed: 11, token: "backlog-max-token" }));
    const { updates, marker } = await drainUpdates(capabilitiesOf(providerFor(fresh)));
    const chats = new Set(
      updates.flatMap((update) => (update.type === "message_removed" ? [] : [update.chatExternalId])),
    );
    const removed = new Set(
      updates.flatMap((update) => (update.type === "message_removed" ? [update.messageExternalId] : [])),
    );
    const messages = new Set(
      updates.flatMap((update) => (update.type === "message_upserted" ? [update.message.externalId] : [])),
    );
    const snapshot = fresh.snapshot();
    expect(chats).toEqual(new Set(snapshot.chats.map((chat) => chat.externalId)));
    const stored = snapshot.chats.flatMap((chat) => chat.messageExternalIds);
    expect(stored.filter((id) => !messages.has(id))).toEqual([]);
    expect(removed.size).toBeGreaterThan(0);
    expect([...removed].filter((id) => stored.includes(id))).toEqual([]);
    expect(marker).toMatch(/^\d+$/);
    expect(fresh.calls.some((call) => call.path === "/chats")).toBe(false);
  });

  it("receives an injected customer message within milliseconds while the poll is held", async () => {
    const { marker } = await drainUpdates(max);
    const held = max.pollUpdates(marker, 20);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const injectedAt = performance.now();
    const injected = fake.injectInboundMessage({
      chatExternalId: DIALOG_ID,
      text: "Чи можна змінити адресу доставки?",
    });
    const batch = await held;
    const latencyMs = performance.now() - injectedAt;
    expect(latencyMs).toBeLessThan(500);
    const upsert = batch.updates.find((update) => update.type === "message_upserted");
    expect(upsert).toMatchObject({
      chatExternalId: DIALOG_ID,
      message: { externalId: injected.messageExternalId, direction: "inbound", authorName: "Олена Коваленко" },
    });
    expect(Number(batch.marker)).toBeGreaterThan(Number(marker));
  });

  it("learns a brand-new dialog from its bot_started and first message", async () => {
    const { marker } = await drainUpdates(max);
    const injected = fake.injectInboundMessage({ text: "Hello, is anyone there?", authorName: "Grace Walker" });
    const batch = await max.pollUpdates(marker, 5);
    expect(batch.updates.map((update) => update.type)).toEqual(["chat_changed", "message_upserted"]);
    const chat = await max.getChat(injected.chatExternalId);
    expect(chat).toMatchObject({ kind: "dialog", title: "Grace Walker", status: "open" });
  });

  it("answers an empty batch with the same marker when nothing happens within the timeout", async () => {
    const { marker } = await drainUpdates(max);
    const started = Date.now();
    const batch = await max.pollUpdates(marker, 1);
    expect(batch).toEqual({ updates: [], marker, skipped: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe("chats a test seeds (sandbox control)", () => {
  it("announces a seeded public group with older history, every attachment and a quote to polling bots", async () => {
    const { marker } = await drainUpdates(max);
    const title = `Seeded group ${Date.now()}`;
    const attachments = ["image", "video", "audio", "file", "sticker", "contact", "share", "location"] as const;
    const seeded = await seedChatAt(fake, {
      title,
      group: true,
      public: true,
      members: ["Ann Lee", "Богдан Шевченко"],
      history: 60,
      messages: [
        { author: "Богдан Шевченко", text: "Привіт! Де моє замовлення?" },
        { from: "agent", text: "Дивлюся", replyTo: 0 },
        { attachments: [...attachments] },
      ],
    });
    const { updates } = await drainUpdates(max, marker);
    const announced = updates.flatMap((update) => (update.type === "message_upserted" ? [update.message] : []));
    expect(announced.map((message) => message.externalId).slice(-3)).toEqual(seeded.messageExternalIds);
    expect(announced.length).toBeGreaterThanOrEqual(60);

    const chat = await max.getChat(seeded.chatExternalId);
    expect(chat).toMatchObject({ kind: "group", title, publicLink: seeded.link, status: "open" });
    const name = seeded.link?.replace("https://max.ru/", "@") ?? "";
    expect((await max.lookupByLink(name))?.externalId).toBe(seeded.chatExternalId);
    const stored = new Map((await allMessages(seeded.chatExternalId)).map((message) => [message.externalId, message]));
    const [question, answer, files] = seeded.messageExternalIds.map((id) => stored.get(id));
    expect(question).toMatchObject({ direction: "inbound", authorName: "Богдан Шевченко" });
    expect(answer).toMatchObject({ direction: "outbound", replyTo: { externalId: seeded.messageExternalIds[0] } });
    expect(files?.attachments.map((attachment) => attachment.kind)).toEqual([...attachments]);
  });

  it("refuses what MAX does not document, and a member the chat does not have", async () => {
    await expect(seedChatAt(fake, { title: "x", closed: true })).rejects.toThrow("The MAX sandbox has no closed");
    await expect(seedChatAt(fake, { title: "x", messages: [{ attachments: ["voice"] }] })).rejects.toThrow(/400/);
    await expect(seedChatAt(fake, { title: "x", messages: [{ author: "Nobody", text: "hi" }] })).rejects.toThrow(
      "Nobody is not a member of this chat",
    );
  });
});

describe("chats", () => {
  it("gets a chat by id, 404 as not_found, and refuses a non-numeric id before any request", async () => {
    expect(await max.getChat(GROUP_ID)).toMatchObject({ title: chatByLink.title, kind: "group" });
    expect((await failureOf(max.getChat("-1"))).kind).toBe("not_found");
    fake.clearCalls();
    expect((await failureOf(max.getChat("dostavka_help"))).kind).toBe("invalid_input");
    expect(fake.calls).toEqual([]);
  });

  it("looks chats up by link or username, null when unknown", async () => {
    expect(await max.lookupByLink("@dostavka_help")).toMatchObject({ externalId: GROUP_ID });
    expect(await max.lookupByLink("olena_kovalenko")).toMatchObject({ externalId: DIALOG_ID, kind: "dialog" });
    expect(await max.lookupByLink("nobody_like_this")).toBeNull();
  });

  it("publishes the link pattern it enforces, so the UI can validate as the agent types", () => {
    const pattern = new RegExp(`^(?:${provider.linkPattern ?? "(?!)"})$`);
    for (const good of ["@dostavka_help", "olena_kovalenko", "Support-Team"]) expect(pattern.test(good)).toBe(true);
    for (const bad of ["https://max.ru/dostavka_help", "1abc", "@", "", "dostavka help", "@@x"]) {
      expect(pattern.test(bad)).toBe(false);
    }
  });

  it.each(["https://max.ru/dostavka_help", "1abc", "@", "", "dostavka help", "@@x", "-42"])(
    "refuses the link %j before any request",
    async (link) => {
      fake.clearCalls();
      expect((await failureOf(max.lookupByLink(link))).kind).toBe("invalid_input");
      expect(fake.calls).toEqual([]);
    },
  );

  it("gives the chat's own link as its invitation link, null for a dialog", async () => {
    expect(await max.invitationLink(GROUP_ID)).toBe("https://max.ru/dostavka_help");
    expect(await max.invitationLink(DIALOG_ID)).toBeNull();
    const groups = fake.snapshot().chats.filter((chat) => chat.externalId.startsWith("-"));
    const served = await Promise.all(groups.map((chat) => raw(fake, `/chats/${chat.externalId}`)));
    const privateGroup = served
      .map(({ body }) => body as { chat_id: number; link: string })
      .find((chat) => chat.link.includes("/join/"));
    expect(privateGroup).toBeDefined();
    expect(await max.invitationLink(String(privateGroup?.chat_id))).toBe(privateGroup?.link);
  });

  it("lists every member of the big chat, page after page", async () => {
    const bigChat = await max.lookupByLink("help_center");
    fake.clearCalls();
    const { items: members, skipped } = await max.listParticipants(bigChat?.externalId ?? "");
    expect(skipped).toEqual([]);
    expect(members).toHaveLength(140);
    expect(new Set(members.map((member) => member.externalId)).size).toBe(140);
    expect(members.filter((member) => member.isBot)).toHaveLength(1);
    expect(fake.calls.filter((call) => call.path.endsWith("/members"))).toHaveLength(2);
  });
});

describe("messages", () => {
  it("pages the big chat backwards to the last page: every message once, newest page first", async () => {
    const bigChat = await max.lookupByLink("help_center");
    const chatId = bigChat?.externalId ?? "";
    const stored = fake.snapshot().chats.find((chat) => chat.externalId === chatId)?.messageExternalIds ?? [];
    expect(stored.length).toBeGreaterThanOrEqual(300);
    const first = await max.listMessages(chatId, null);
    expect(first.items).toHaveLength(100);
    expect(first.items.map((item) => item.externalId)).toContain(stored.at(-1));
    const items = await allMessages(chatId);
    expect(items.map((item) => item.externalId).sort()).toEqual([...stored].sort());
  });

  it("loses and repeats nothing when messages share a millisecond across small pages", async () => {
    const bigChat = await max.lookupByLink("help_center");
    const chatId = bigChat?.externalId ?? "";
    const small = capabilitiesOf(providerFor(fake, { settings: { pageSize: 7 } }));
    const items = await allMessages(chatId, small);
    const times = items.map((item) => item.createdAt.getTime());
    expect(new Set(times).size).toBeLessThan(times.length);
    const ids = items.map((item) => item.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = fake.snapshot().chats.find((chat) => chat.externalId === chatId)?.messageExternalIds ?? [];
    expect([...ids].sort()).toEqual([...stored].sort());
  });

  it("maps the sample page: replies quoted, forward shown, outbound marked", async () => {
    const page = await max.listMessages(GROUP_ID, null);
    const reply = page.items.find((item) => item.text?.includes("посилку передано"));
    expect(reply).toMatchObject({ direction: "outbound", replyTo: { authorName: "Ганна Шевченко" } });
    expect(page.items.some((item) => item.text?.startsWith("↪ Сергей Попов"))).toBe(true);
  });

  it("sends text and replies, which the provider then holds", async () => {
    fake.clearCalls();
    const sent = await max.sendText({ chatExternalId: DIALOG_ID, text: "Добрий день! Перевіряю.", clientId: "c-1" });
    expect(sent).toMatchObject({ direction: "outbound", text: "Добрий день! Перевіряю.", chatExternalId: DIALOG_ID });
    const [customerMessage] = (await max.listMessages(DIALOG_ID, null)).items.filter(
      (item) => item.direction === "inbound",
    );
    const reply = await max.sendReply({
      chatExternalId: DIALOG_ID,
      text: "Відповідаю на ваше питання",
      replyToExternalId: customerMessage?.externalId ?? "",
      clientId: "c-2",
    });
    expect(reply?.replyTo).toMatchObject({ externalId: customerMessage?.externalId, text: customerMessage?.text });
    const posts = fake.calls.filter((call) => call.method === "POST" && call.path === "/messages");
    expect(posts.map((call) => [call.query, call.body])).toEqual([
      [{ chat_id: DIALOG_ID }, { text: "Добрий день! Перевіряю." }],
      [
        { chat_id: DIALOG_ID },
        { text: "Відповідаю на ваше питання", link: { type: "reply", mid: customerMessage?.externalId } },
      ],
    ]);
    const held = fake.snapshot().chats.find((chat) => chat.externalId === DIALOG_ID)?.messageExternalIds ?? [];
    expect(held.slice(-2)).toEqual([sent?.externalId, reply?.externalId]);
  });

  it("sends a file by MAX's upload service: an upload URL, the file as multipart `data` without the token, then its token", async () => {
    fake.clearCalls();
    const bytes = new TextEncoder().encode("%PDF-1.4 the contract");
    const sent = await max.sendFile({
      chatExternalId: DIALOG_ID,
      caption: "Договор во вложении",
      clientId: "f-1",
      file: {
        kind: "file",
        fileName: "Договор.pdf",
        mimeType: "application/pdf",
        size: bytes.length,
        url: "http://unused.invalid/",
        content: async () => bytes,
      },
    });
    expect(sent).toMatchObject({ direction: "outbound", text: "Договор во вложении" });
    expect(sent?.attachments).toMatchObject([{ kind: "file", fileName: "Договор.pdf", size: bytes.length }]);
    const [slot, upload, message] = fake.calls.filter((call) => call.method === "POST");
    expect([slot?.path, slot?.query]).toEqual(["/uploads", { type: "file" }]);
    expect(upload?.path).toMatch(/^\/__upload\//);
    expect(upload?.headers.authorization).toBeUndefined();
    expect(message?.body).toMatchObject({ text: "Договор во вложении", attachments: [{ type: "file" }] });
    const uploaded = (await (await fetch(`${fake.url}/__sandbox/uploads`)).json()) as Array<Record<string, unknown>>;
    expect(uploaded.at(-1)).toMatchObject({
      type: "file",
      fileName: "Договор.pdf",
      contentType: "application/pdf",
      size: bytes.length,
    });
  });

  it("waits for a file MAX is still processing (attachment.not.ready) and then sends it once", async () => {
    const slow = await fakeForTest(
      startMaxFake({ seed: 7, token: "contract-max-slow", attachmentsNotReadyOnce: true }),
    );
    const sendFile = capabilitiesOf(providerFor(slow)).sendFile;
    const picture = await sendFile({
      chatExternalId: DIALOG_ID,
      caption: null,
      clientId: "f-2",
      file: {
        kind: "image",
        fileName: "photo.png",
        mimeType: "image/png",
        size: 4,
        url: "http://unused.invalid/",
        content: async () => new Uint8Array([137, 80, 78, 71]),
      },
    });
    expect(picture?.attachments).toMatchObject([{ kind: "image" }]);
    const posts = slow.calls.filter((call) => call.method === "POST" && call.path === "/messages");
    expect(posts.map((call) => call.status)).toEqual([400, 200]);
  });

  it("counts the 4000-character limit in characters and refuses longer text before any request", async () => {
    const emoji = "🙂".repeat(4000);
    expect((await max.sendText({ chatExternalId: GROUP_ID, text: emoji, clientId: "c-3" }))?.text).toBe(emoji);
    fake.clearCalls();
    const tooLong = await failureOf(
      max.sendText({ chatExternalId: GROUP_ID, text: "a".repeat(4001), clientId: "c-4" }),
    );
    expect(tooLong.kind).toBe("invalid_input");
    expect(fake.calls).toEqual([]);
  });

  it("is refused (forbidden) when writing to a chat the bot was removed from", async () => {
    const removed = fake
      .snapshot()
      .chats.map((chat) => chat.externalId)
      .filter((id) => id !== GROUP_ID && id !== DIALOG_ID);
    const statuses = await Promise.all(removed.map((id) => max.getChat(id)));
    const closed = statuses.find((chat) => chat.providerStatus === "removed");
    expect(closed).toBeDefined();
    const refused = await failureOf(
      max.sendText({ chatExternalId: closed?.externalId ?? "", text: "Hi", clientId: "c-5" }),
    );
    expect(refused.kind).toBe("forbidden");
  });
});

describe("failures", () => {
  it("types a wrong token as unauthorized, with MAX's message", async () => {
    const wrong = capabilitiesOf(providerFor(fake, { token: "revoked-token" }));
    const error = await failureOf(wrong.getChat(GROUP_ID));
    expect(error.kind).toBe("unauthorized");
    expect(error.providerMessage).toBe("Invalid access_token");
  });

  it("types a body cut short as malformed, and a chat of the wrong shape as a bad item to skip", async () => {
    fake.setFaults({ rate: 1, kinds: ["malformed"] });
    const kinds: ProviderErrorKind[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) kinds.push((await failureOf(max.getChat(GROUP_ID))).kind);
    kinds.push((await failureOf(max.pollUpdates(null, 0))).kind);
    // The sandbox answers either; a chat fetched on its own that fails its schema is skipped, not retried.
    expect(kinds.every((kind) => kind === "malformed" || kind === "bad_item")).toBe(true);
    expect(kinds.at(-1)).toBe("malformed");
  });

  it("types a hanging provider as timeout", async () => {
    fake.setFaults({ rate: 1, kinds: ["timeout"], hangMs: 3_000 });
    const impatient = capabilitiesOf(providerFor(fake, { settings: { timeoutMs: 200 } }));
    const started = Date.now();
    expect((await failureOf(impatient.getChat(GROUP_ID))).kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("types 5xx as server", async () => {
    fake.setFaults({ forceStatus: 503 });
    expect((await failureOf(max.getChat(GROUP_ID))).kind).toBe("server");
  });

  it("waits out the provider's 429 and then succeeds", async () => {
    const limited = await fakeForTest(startMaxFake({ token: "burst-max-token", data: { chats: 2 } }));
    await Promise.all(Array.from({ length: 30 }, () => raw(limited, "/me")));
    const started = Date.now();
    const chat = await capabilitiesOf(providerFor(limited)).getChat(GROUP_ID);
    expect(chat.externalId).toBe(GROUP_ID);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(limited.calls.filter((call) => call.status === 429).length).toBeGreaterThan(0);
  });

  it("gives up on a provider that keeps answering 429, typed rate_limited with the wait", async () => {
    const limited = await fakeForTest(startMaxFake({ token: "locked-max-token", data: { chats: 2 } }));
    const api = capabilitiesOf(providerFor(limited));
    await api.getChat(GROUP_ID);
    limited.setFaults({ forceStatus: 429 });
    limited.clearCalls();
    const error = await failureOf(api.getChat(GROUP_ID));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(1_000);
    expect(limited.calls).toHaveLength(3);
  });

  it("keeps its own pace under 30 requests a second, so a burst never meets a 429", async () => {
    const paced = await fakeForTest(startMaxFake({ token: "paced-max-token", data: { chats: 2 } }));
    const api = capabilitiesOf(providerFor(paced));
    const started = Date.now();
    await Promise.all(Array.from({ length: 45 }, () => api.getChat(GROUP_ID)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(paced.calls.filter((call) => call.status !== 200)).toEqual([]);
  });
});
