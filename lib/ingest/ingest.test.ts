import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import {
  ingestChats,
  ingestMessageBatches,
  ingestMessages,
  ingestParticipants,
  ingestRemovals,
} from "@/lib/ingest/ingest";
import { pendingExternalId } from "@/lib/ingest/pending-id";
import { chatRow, messageRow, storedConnection } from "@/lib/ingest/testing/rows";
import { normalizedAttachment } from "@/lib/providers/attachment";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let prisma: Db;
let connectionId: string;

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
});

afterAll(async () => {
  await database.drop();
});

beforeEach(async () => {
  connectionId = await storedConnection(prisma);
  // Most tests look at a running connection, past its first backfill.
  await prisma.connection.update({ where: { id: connectionId }, data: { backfillDoneAt: new Date() } });
});

async function chatId(externalId: string, fields = {}): Promise<number> {
  const ids = await ingestChats(prisma, connectionId, [chatRow(externalId, fields)]);
  const id = ids.get(externalId);
  if (id === undefined) throw new Error("chat was not stored");
  return id;
}

const messagesOf = (id: number) =>
  prisma.message.findMany({ where: { chatId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

const eventsSince = async (afterId: bigint) =>
  prisma.changeEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });

const lastEventId = async () => (await prisma.changeEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;

describe("ingestMessages", () => {
  it("stores a message seen twice once, and reports nothing changed the second time", async () => {
    const id = await chatId("c1");
    const batch = [messageRow("c1", "m1", ago(3 * HOUR)), messageRow("c1", "m2", ago(2 * HOUR))];
    const first = await ingestMessages(prisma, id, batch);
    const again = await ingestMessages(prisma, id, batch);
    expect(first).toHaveLength(2);
    expect(again).toEqual([]);
    expect((await messagesOf(id)).map((message) => message.externalId)).toEqual(["m1", "m2"]);
  });

  it("updates edited messages and keeps deleted ones, marked, even when listed again undeleted", async () => {
    const id = await chatId("c1");
    const at = ago(HOUR);
    await ingestMessages(prisma, id, [messageRow("c1", "m1", at), messageRow("c1", "m2", at)]);
    const editedAt = new Date();
    const changed = await ingestMessages(prisma, id, [
      messageRow("c1", "m1", at, { text: "corrected", editedAt }),
      messageRow("c1", "m2", at, { deletedAt: editedAt }),
    ]);
    expect(changed).toHaveLength(2);
    await ingestMessages(prisma, id, [messageRow("c1", "m2", at)]);
    const [first, second] = await messagesOf(id);
    expect(first?.text).toBe("corrected");
    expect(first?.editedAt?.getTime()).toBe(editedAt.getTime());
    expect(second?.deletedAt?.getTime()).toBe(editedAt.getTime());
  });

  it("marks messages the provider removed as deleted, by external id alone when the chat is unknown", async () => {
    const id = await chatId("c1");
    await ingestMessages(prisma, id, [messageRow("c1", "m1", ago(HOUR))]);
    await ingestRemovals(prisma, connectionId, [{ chatExternalId: null, messageExternalId: "m1", at: new Date() }]);
    const [message] = await messagesOf(id);
    expect(message?.deletedAt).not.toBeNull();
  });

  it("replaces reactions as a set, and only when they changed", async () => {
    const id = await chatId("c1");
    const at = ago(HOUR);
    const thumbs = { emoji: "👍", authorExternalId: "a", authorName: "Anna" };
    const heart = { emoji: "❤️", authorExternalId: "b", authorName: "Boris" };
    await ingestMessages(prisma, id, [messageRow("c1", "m1", at, { reactions: [thumbs, heart], raw: 1 })]);
    const reordered = await ingestMessages(prisma, id, [
      messageRow("c1", "m1", at, { reactions: [heart, thumbs], raw: 1 }),
    ]);
    expect(reordered).toEqual([]);
    const [message] = await messagesOf(id);
    const before = await prisma.reaction.findMany({ where: { messageId: message?.id } });
    const removed = await ingestMessages(prisma, id, [messageRow("c1", "m1", at, { reactions: [heart], raw: 1 })]);
    expect(removed).toEqual([message?.id]);
    const after = await prisma.reaction.findMany({ where: { messageId: message?.id } });
    expect(before.map((reaction) => reaction.emoji).sort()).toEqual(["❤️", "👍"].sort());
    expect(after.map((reaction) => reaction.emoji)).toEqual(["❤️"]);
  });

  it("replaces attachments in their order, and leaves unchanged ones alone", async () => {
    const id = await chatId("c1");
    const at = ago(HOUR);
    const file = (name: string) =>
      normalizedAttachment("file", { name }, { url: `https://files.example/${name}`, fileName: name, size: 1024 });
    await ingestMessages(prisma, id, [messageRow("c1", "m1", at, { attachments: [file("a.pdf"), file("b.pdf")] })]);
    const [message] = await messagesOf(id);
    const firstIds = (await prisma.attachment.findMany({ where: { messageId: message?.id } })).map((row) => row.id);
    expect(
      await ingestMessages(prisma, id, [messageRow("c1", "m1", at, { attachments: [file("a.pdf"), file("b.pdf")] })]),
    ).toEqual([]);
    await ingestMessages(prisma, id, [messageRow("c1", "m1", at, { attachments: [file("b.pdf")] })]);
    const after = await prisma.attachment.findMany({ where: { messageId: message?.id } });
    expect(firstIds).toHaveLength(2);
    expect(after.map((row) => row.fileName)).toEqual(["b.pdf"]);
    expect(after[0]?.size).toBe(1024n);
  });

  it("links a reply to its target when the target arrives later, quoting the target", async () => {
    const id = await chatId("c1");
    const reply = messageRow("c1", "reply", ago(HOUR), {
      text: "Yes, that one",
      replyTo: { externalId: "original", authorName: null, text: null },
    });
    await ingestMessages(prisma, id, [reply]);
    const target = messageRow("c1", "original", ago(2 * HOUR), { text: "Is   order 42\nshipped?", authorName: "Olga" });
    const changed = await ingestMessages(prisma, id, [target]);
    const [original, answer] = await messagesOf(id);
    expect(answer?.replyToId).toBe(original?.id);
    expect(answer?.replyQuoteAuthor).toBe("Olga");
    expect(answer?.replyQuoteText).toBe("Is order 42 shipped?");
    // The reply changed too: browsers showing it must hear about it.
    expect(new Set(changed)).toEqual(new Set([original?.id, answer?.id]));
  });

  it("keeps the provider's own quote when it sent one, and links within one batch", async () => {
    const id = await chatId("c1");
    await ingestMessages(prisma, id, [
      messageRow("c1", "reply", ago(HOUR), { replyTo: { externalId: "original", authorName: "Q", text: "quoted" } }),
      messageRow("c1", "original", ago(2 * HOUR)),
    ]);
    const [original, answer] = await messagesOf(id);
    expect(answer?.replyToId).toBe(original?.id);
    expect(answer?.replyQuoteText).toBe("quoted");
  });

  it("follows the newest message in the chat row, and an older page never moves it back", async () => {
    const id = await chatId("c1");
    const newest = ago(HOUR);
    await ingestMessages(prisma, id, [
      messageRow("c1", "m9", newest, { text: "newest" }),
      messageRow("c1", "m8", ago(2 * HOUR), { text: "older" }),
    ]);
    await ingestMessages(prisma, id, [messageRow("c1", "m1", ago(30 * HOUR), { text: "ancient" })]);
    const chat = await prisma.chat.findUniqueOrThrow({ where: { id } });
    expect(chat.lastMessagePreview).toBe("newest");
    expect(chat.lastMessageAt?.getTime()).toBe(newest.getTime());
    expect(chat.lastInboundAt?.getTime()).toBe(chat.lastMessageAt?.getTime());
    expect(chat.activityAt.getTime()).toBe(chat.lastMessageAt?.getTime());
  });

  it("emits messages.changed for the chat with exactly the changed rows", async () => {
    const id = await chatId("c1");
    await ingestMessages(prisma, id, [messageRow("c1", "m1", ago(HOUR))]);
    const mark = await lastEventId();
    const changed = await ingestMessages(prisma, id, [
      messageRow("c1", "m1", ago(HOUR)),
      messageRow("c1", "m2", new Date()),
    ]);
    const events = await eventsSince(mark);
    const messageEvents = events.filter((event) => event.type === "messages.changed");
    expect(messageEvents).toHaveLength(1);
    expect(messageEvents[0]?.payload).toEqual({ chatId: id, messageIds: changed });
    expect(events.some((event) => event.type === "counts.changed")).toBe(true);
    expect(events.some((event) => event.type === "chat.changed")).toBe(true);
  });
});

describe("ingesting our own sends", () => {
  async function pendingSend(id: number, text: string, createdAt = new Date()) {
    const clientId = crypto.randomUUID();
    return prisma.message.create({
      data: {
        chatId: id,
        externalId: pendingExternalId(clientId),
        direction: "outbound",
        text,
        createdAt,
        deliveryState: "pending",
        clientId,
        authorName: "Agent",
      },
    });
  }

  it("adopts our pending row when the provider lists the message, instead of showing it twice", async () => {
    const id = await chatId("c1");
    const pending = await pendingSend(id, "On its way!");
    await ingestMessages(prisma, id, [
      messageRow("c1", "p-100", new Date(Date.now() + 1500), {
        direction: "outbound",
        text: "On its way!",
        deliveryState: "delivered",
      }),
    ]);
    const rows = await messagesOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(pending.id);
    expect(rows[0]?.externalId).toBe("p-100");
    expect(rows[0]?.clientId).toBe(pending.clientId);
    expect(rows[0]?.deliveryState).toBe("delivered");
  });

  it("pairs identical texts one to one, so two equal sends stay two messages", async () => {
    const id = await chatId("c1");
    const first = await pendingSend(id, "ok", ago(60_000));
    const second = await pendingSend(id, "ok", new Date());
    await ingestMessages(prisma, id, [
      messageRow("c1", "p-1", ago(59_000), { direction: "outbound", text: "ok" }),
      messageRow("c1", "p-2", new Date(), { direction: "outbound", text: "ok" }),
    ]);
    const rows = await messagesOf(id);
    expect(rows.map((row) => [row.id, row.externalId])).toEqual([
      [first.id, "p-1"],
      [second.id, "p-2"],
    ]);
  });

  it("merges with a row the outbox already renamed to the provider's id", async () => {
    const id = await chatId("c1");
    const sent = await pendingSend(id, "Done");
    await prisma.message.update({ where: { id: sent.id }, data: { externalId: "p-7", deliveryState: "sent" } });
    await ingestMessages(prisma, id, [messageRow("c1", "p-7", new Date(), { direction: "outbound", text: "Done" })]);
    const rows = await messagesOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.clientId).toBe(sent.clientId);
  });

  it("does not adopt a different text or a send from long ago", async () => {
    const id = await chatId("c1");
    await pendingSend(id, "Hello", ago(HOUR));
    await pendingSend(id, "Other text");
    await ingestMessages(prisma, id, [messageRow("c1", "p-1", new Date(), { direction: "outbound", text: "Hello" })]);
    expect(await messagesOf(id)).toHaveLength(3);
  });
});

describe("unread counts", () => {
  const unreadOf = async (id: number) => (await prisma.chat.findUniqueOrThrow({ where: { id } })).unreadCount;

  it("counts inbound messages after the last answer and the agent's last look", async () => {
    const id = await chatId("c1");
    await ingestMessages(prisma, id, [
      messageRow("c1", "m1", ago(5 * HOUR)),
      messageRow("c1", "m2", ago(4 * HOUR), { direction: "outbound" }),
      messageRow("c1", "m3", ago(3 * HOUR)),
      messageRow("c1", "m4", ago(2 * HOUR)),
    ]);
    expect(await unreadOf(id)).toBe(2);
    await prisma.chat.update({ where: { id }, data: { agentLastSeenAt: ago(2.5 * HOUR) } });
    await ingestMessages(prisma, id, [messageRow("c1", "m5", ago(HOUR))]);
    expect(await unreadOf(id)).toBe(2);
  });

  it("uses the provider's count where it reports one, but keeps 0 while a mark-read is on its way", async () => {
    const id = await chatId("c1", { providerUnreadCount: 3 });
    expect(await unreadOf(id)).toBe(3);
    await prisma.chat.update({ where: { id }, data: { providerUnreadCount: 0, agentLastSeenAt: new Date() } });
    const action = await prisma.outboxAction.create({
      data: { connectionId, chatId: id, kind: "mark_read", idempotencyKey: `read-${id}` },
    });
    await ingestChats(prisma, connectionId, [chatRow("c1", { providerUnreadCount: 3, raw: "still 3" })]);
    expect(await unreadOf(id)).toBe(0);
    // Delivered after the provider answered: the answer is older than the read, so it still counts as read.
    const observedAt = new Date();
    await prisma.outboxAction.update({ where: { id: action.id }, data: { status: "done", completedAt: new Date() } });
    await ingestChats(prisma, connectionId, [chatRow("c1", { providerUnreadCount: 3, raw: "late" })], { observedAt });
    expect(await unreadOf(id)).toBe(0);
    // A listing made after the delivery is the provider's word again.
    await ingestChats(prisma, connectionId, [chatRow("c1", { providerUnreadCount: 1, raw: "new message" })]);
    expect(await unreadOf(id)).toBe(1);
  });

  it("keeps a chat closed here while its close is on its way to the provider", async () => {
    const id = await chatId("c1");
    await prisma.chat.update({ where: { id }, data: { status: "closed" } });
    await prisma.outboxAction.create({
      data: { connectionId, chatId: id, kind: "close_chat", idempotencyKey: `close-${id}` },
    });
    await ingestChats(prisma, connectionId, [chatRow("c1", { status: "open", raw: "open" })]);
    expect((await prisma.chat.findUniqueOrThrow({ where: { id } })).status).toBe("closed");
  });

  it("does not make old history unread during a connection's first backfill, but counts what is recent", async () => {
    await prisma.connection.update({ where: { id: connectionId }, data: { backfillDoneAt: null } });
    const old = await chatId("old", { lastMessageAt: ago(72 * HOUR) });
    const recent = await chatId("recent", { lastMessageAt: ago(HOUR) });
    await ingestMessages(prisma, old, [
      messageRow("old", "o1", ago(73 * HOUR)),
      messageRow("old", "o2", ago(72 * HOUR)),
    ]);
    await ingestMessages(prisma, recent, [messageRow("recent", "r1", ago(HOUR))]);
    expect(await unreadOf(old)).toBe(0);
    expect(await unreadOf(recent)).toBe(1);
    // After the backfill, a customer writing again is unread as usual.
    await prisma.connection.update({ where: { id: connectionId }, data: { backfillDoneAt: new Date() } });
    await ingestMessages(prisma, old, [messageRow("old", "o3", new Date())]);
    expect(await unreadOf(old)).toBe(1);
  });
});

describe("ingestChats", () => {
  it("returns every chat's id, and never moves the last message time or preview back", async () => {
    const ids = await ingestChats(prisma, connectionId, [
      chatRow("a", { lastMessageAt: ago(HOUR), lastMessagePreview: "new" }),
      chatRow("b"),
    ]);
    expect([...ids.keys()].sort()).toEqual(["a", "b"]);
    const again = await ingestChats(prisma, connectionId, [
      chatRow("a", { lastMessageAt: ago(5 * HOUR), lastMessagePreview: "stale", raw: "stale" }),
    ]);
    expect(again.get("a")).toBe(ids.get("a"));
    const chat = await prisma.chat.findUniqueOrThrow({ where: { id: ids.get("a") } });
    expect(chat.lastMessagePreview).toBe("new");
    expect(chat.lastMessageAt?.getTime()).toBeGreaterThan(ago(2 * HOUR).getTime());
    expect(await prisma.chat.count({ where: { connectionId } })).toBe(2);
  });

  it("emits chat.changed only for chats that changed", async () => {
    await ingestChats(prisma, connectionId, [chatRow("a"), chatRow("b")]);
    const mark = await lastEventId();
    await ingestChats(prisma, connectionId, [chatRow("a"), chatRow("b", { title: "Renamed" })]);
    const events = await eventsSince(mark);
    expect(events.map((event) => event.type)).toEqual(["chat.changed"]);
  });
});

describe("ingestParticipants", () => {
  const participant = (externalId: string, name: string) => ({
    externalId,
    name,
    username: null,
    isActive: true,
    isBot: false,
    joinedAt: null,
    invitedBy: null,
    raw: { externalId, name },
  });

  it("adds and updates members, and keeps those no longer listed as inactive", async () => {
    const id = await chatId("group");
    await ingestParticipants(prisma, id, [participant("u1", "Ann"), participant("u2", "Bob")]);
    await ingestParticipants(prisma, id, [participant("u1", "Ann B.")]);
    const rows = await prisma.participant.findMany({ where: { chatId: id }, orderBy: { externalId: "asc" } });
    expect(rows.map((row) => [row.externalId, row.name, row.isActive])).toEqual([
      ["u1", "Ann B.", true],
      ["u2", "Bob", false],
    ]);
  });

  it("keeps a member an agent removed inactive while the removal is on its way", async () => {
    const id = await chatId("group");
    await ingestParticipants(prisma, id, [participant("u1", "Ann")]);
    await prisma.participant.updateMany({ where: { chatId: id }, data: { isActive: false } });
    await prisma.outboxAction.create({
      data: {
        connectionId,
        chatId: id,
        kind: "remove_participant",
        payload: { participantExternalId: "u1" },
        idempotencyKey: `remove-${id}`,
      },
    });
    await ingestParticipants(prisma, id, [participant("u1", "Ann")]);
    expect((await prisma.participant.findFirstOrThrow({ where: { chatId: id } })).isActive).toBe(false);
  });
});

describe("bulk ingest", () => {
  it("stores 10,000 messages at thousands per second, a page of chats per transaction", async () => {
    const ids = await ingestChats(
      prisma,
      connectionId,
      Array.from({ length: 100 }, (_, index) => chatRow(`bulk-${index}`)),
    );
    const chats = [...ids];
    const started = performance.now();
    for (let page = 0; page < chats.length; page += 20) {
      await ingestMessageBatches(
        prisma,
        chats.slice(page, page + 20).map(([externalId, chatId]) => ({
          chatId,
          messages: Array.from({ length: 100 }, (_, index) =>
            messageRow(externalId, `${externalId}-${index}`, new Date(Date.UTC(2026, 0, 1) + index * 1000), {
              reactions: index % 10 === 0 ? [{ emoji: "👍", authorExternalId: "x", authorName: null }] : [],
              replyTo:
                index % 7 === 3 ? { externalId: `${externalId}-${index - 1}`, authorName: null, text: null } : null,
            }),
          ),
        })),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(10_000 / seconds);
    process.stdout.write(`    ingest: 10,000 messages in ${seconds.toFixed(2)} s (${perSecond} messages/s)\n`);
    expect(await prisma.message.count({ where: { chat: { connectionId } } })).toBe(10_000);
    expect(await prisma.message.count({ where: { chat: { connectionId }, replyToId: { not: null } } })).toBe(1400);
    expect(perSecond).toBeGreaterThan(1000);
  }, 120_000);
});
