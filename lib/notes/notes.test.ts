import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { viewCounts } from "@/lib/chats/view-counts";
import type { Db } from "@/lib/db";
import { listMessages } from "@/lib/messages/list-messages";
import { addNote } from "@/lib/notes/add-note";
import { markMentionsSeen } from "@/lib/notes/mark-mentions-seen";
import { enqueueOutbox } from "@/lib/outbox/enqueue";
import { SETTLING, smartSenderOutboxPerTest, writableChats } from "@/lib/outbox/testing/fixture";

const outbox = smartSenderOutboxPerTest(6);

async function teammate(prisma: Db, name: string) {
  return prisma.user.create({ data: { id: randomUUID(), name, email: `${randomUUID()}@example.com` } });
}

function writableChat() {
  const [chat] = writableChats(outbox.current);
  if (!chat) throw new Error("The sandbox has no chat with a subscribed contact");
  return chat;
}

const note = (chatId: number, user: { id: string; name: string }, text: string, mentions: string[] = []) =>
  addNote(outbox.current.prisma, { chatId, user, request: { text, clientId: randomUUID(), mentions } });

describe("private notes", () => {
  it("stay in the thread and never reach the provider, the outbox, the unread count, the preview or the waiting time", async () => {
    const { prisma, userId, fake } = outbox.current;
    outbox.current.startWorker();
    const chat = writableChat();
    const before = await prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    const unreadBefore = await unreadCounts(prisma);
    const callsBefore = fake.calls.length;

    const { messageId } = await note(chat.id, { id: userId, name: "Agent Smith" }, "Customer is a VIP, refund quietly");
    const thread = await listMessages(prisma, chat.id, { limit: 50 });
    expect(thread.items.at(-1)).toMatchObject({
      id: messageId,
      direction: "note",
      text: "Customer is a VIP, refund quietly",
      authorName: "Agent Smith",
      deliveryState: null,
      sentById: userId,
    });
    expect(await prisma.outboxAction.count({ where: { messageId } })).toBe(0);
    // Whatever code tried, the database would refuse to queue it.
    await expect(
      enqueueOutbox(prisma, {
        connectionId: outbox.current.connectionId,
        chatId: chat.id,
        messageId,
        kind: "send_message",
        idempotencyKey: `send_message:${randomUUID()}`,
      }),
    ).rejects.toThrow(/never sent to a provider/);

    // A real send afterwards goes out while the note stays home.
    const sent = await outbox.current.send(chat.id, "We are on it.");
    await vi.waitFor(async () => {
      expect((await prisma.message.findUniqueOrThrow({ where: { id: sent } })).deliveryState).not.toBe("pending");
    }, SETTLING);
    const calls = fake.calls.slice(callsBefore).map((call) => JSON.stringify(call.body ?? ""));
    expect(calls.some((body) => body.includes("We are on it."))).toBe(true);
    expect(calls.some((body) => body.includes("VIP"))).toBe(false);

    const after = await prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect(after.lastMessagePreview).toBe("We are on it.");
    await note(chat.id, { id: userId, name: "Agent Smith" }, "Second thought");
    const latest = await prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
    expect([latest.lastMessagePreview, latest.lastMessageAt, latest.unreadCount, latest.waitingSince]).toEqual([
      after.lastMessagePreview,
      after.lastMessageAt,
      after.unreadCount,
      after.waitingSince,
    ]);
    expect(before.unreadCount).toBeGreaterThanOrEqual(latest.unreadCount);
    expect((await unreadCounts(prisma)).total).toBeLessThanOrEqual(unreadBefore.total);
  });

  it("are found by search, listed in the audit log, and added once per click", async () => {
    const { prisma, userId } = outbox.current;
    const chat = writableChat();
    const request = { text: "Zweitkonto bestätigt", clientId: randomUUID(), mentions: [] };
    const first = await addNote(prisma, { chatId: chat.id, user: { id: userId, name: "Agent Smith" }, request });
    const again = await addNote(prisma, { chatId: chat.id, user: { id: userId, name: "Agent Smith" }, request });
    expect(again.messageId).toBe(first.messageId);
    expect(await prisma.message.count({ where: { chatId: chat.id, direction: "note" } })).toBe(1);
    const found = await listChats(prisma, ZListChatsQuery.parse({ q: "Zweitkonto" }), { userId });
    expect(found.items.map((item) => item.id)).toEqual([chat.id]);
    const audit = await prisma.auditLog.findMany({ where: { chatId: chat.id, action: "note.add" } });
    expect(audit.map((entry) => [entry.userId, entry.details])).toEqual([
      [userId, { messageId: first.messageId, mentioned: [] }],
    ]);
  });
});

describe("mentions", () => {
  it("put the chat into the mentioned person's Mentions view with a count, until they open it", async () => {
    const { prisma, userId, chats, connectionId } = outbox.current;
    const olena = await teammate(prisma, "Olena Petrenko");
    const taras = await teammate(prisma, "Taras Bondar");
    const [first, second] = chats;
    if (!first || !second) throw new Error("The sandbox has too few chats");
    const me = { id: userId, name: "Agent Smith" };
    const mentionsOf = async (user: string) => (await viewCounts(prisma, user)).mentions;
    const mentionView = async (user: string) =>
      (await listChats(prisma, ZListChatsQuery.parse({ view: "mentions" }), { userId: user })).items.map(
        (chat) => chat.id,
      );

    const eventsBefore = (await prisma.changeEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;
    const added = await note(first.id, me, "@Olena Petrenko @Taras Bondar please check", [
      olena.id,
      taras.id,
      olena.id,
      userId,
      "not-a-teammate",
    ]);
    expect(added.mentioned.sort()).toEqual([olena.id, taras.id].sort());
    const events = await prisma.changeEvent.findMany({ where: { id: { gt: eventsBefore } } });
    expect(events.map((event) => event.type)).toEqual(["messages.changed", "chat.changed", "counts.changed"]);
    await note(second.id, me, "@Olena Petrenko here too", [olena.id]);
    await note(second.id, me, "@Olena Petrenko and again", [olena.id]);

    expect(await mentionsOf(olena.id)).toBe(3);
    expect(await mentionsOf(taras.id)).toBe(1);
    expect(await mentionsOf(userId)).toBe(0);
    expect(new Set(await mentionView(olena.id))).toEqual(new Set([first.id, second.id]));
    // Combined with the other filters.
    expect(
      (
        await listChats(
          prisma,
          ZListChatsQuery.parse({ view: "mentions", connection: connectionId, q: second.title }),
          {
            userId: olena.id,
          },
        )
      ).items.map((chat) => chat.id),
    ).toEqual([second.id]);

    expect(await markMentionsSeen(prisma, { chatId: second.id, userId: olena.id })).toEqual({ seen: 2 });
    expect(await markMentionsSeen(prisma, { chatId: second.id, userId: olena.id })).toEqual({ seen: 0 });
    expect(await mentionsOf(olena.id)).toBe(1);
    expect(await mentionView(olena.id)).toEqual([first.id]);
    expect(await mentionView(taras.id)).toEqual([first.id]);
    // A new mention brings it back.
    await note(second.id, me, "@Olena Petrenko one more", [olena.id]);
    expect(new Set(await mentionView(olena.id))).toEqual(new Set([first.id, second.id]));
    expect(await mentionsOf(olena.id)).toBe(2);
  });
});
