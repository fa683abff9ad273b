import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ingestMessages } from "@/lib/ingest/ingest";
import { messageRow } from "@/lib/ingest/testing/rows";
import { sendMessage } from "@/lib/messages/send-message";
import { addNote } from "@/lib/notes/add-note";
import { smartSenderOutboxPerTest, writableChats } from "@/lib/outbox/testing/fixture";

const outbox = smartSenderOutboxPerTest(4);

function writableChat() {
  const [chat] = writableChats(outbox.current);
  if (!chat) throw new Error("The sandbox has no chat with a subscribed contact");
  return chat;
}

const newestId = async (prisma: Db, chatId: number) =>
  (await prisma.message.findFirst({ where: { chatId }, orderBy: { id: "desc" } }))?.id ?? 0;

describe("the collision warning", () => {
  it("refuses a send when another agent replied after this one started typing, until they confirm", async () => {
    const { prisma, userId } = outbox.current;
    const chat = writableChat();
    const me = { id: userId, name: "Agent Smith" };
    const olena = await prisma.user.create({
      data: { id: randomUUID(), name: "Olena Petrenko", email: `${randomUUID()}@example.com` },
    });
    const send = (user: { id: string; name: string }, text: string, extra: object = {}) =>
      sendMessage(prisma, { chatId: chat.id, user, request: { text, clientId: randomUUID(), ...extra } });

    // I start typing with the thread as it is now; my own earlier reply and a note of Olena's are no collision.
    await send(me, "First answer");
    const seen = await newestId(prisma, chat.id);
    await send(me, "Second answer", { seenMessageId: seen });
    await addNote(prisma, {
      chatId: chat.id,
      user: olena,
      request: { text: "I'll take it", clientId: randomUUID(), mentions: [] },
    });
    // Older history loaded meanwhile (newer ids, old times) neither.
    await ingestMessages(prisma, chat.id, [
      messageRow(chat.externalId, `old-${randomUUID()}`, new Date(Date.now() - 7 * 24 * 3600_000), {
        direction: "outbound",
        text: "An old answer",
      }),
    ]);
    const mine = await send(me, "Third answer", { seenMessageId: seen });
    expect(mine.messageId).toBeGreaterThan(seen);

    // Olena answers the customer while I type.
    const hers = await send(olena, "Refund approved");
    const clientId = randomUUID();
    const attempt = sendMessage(prisma, {
      chatId: chat.id,
      user: me,
      request: { text: "Let me check the refund", clientId, seenMessageId: mine.messageId },
    });
    await expect(attempt).rejects.toMatchObject({
      code: "CONFLICT",
      details: {
        reason: "collision",
        messages: [{ id: hers.messageId, authorName: "Olena Petrenko", text: "Refund approved" }],
      },
    });
    expect(await prisma.message.count({ where: { clientId } })).toBe(0);

    // The second click sends it, once.
    const confirmed = await sendMessage(prisma, {
      chatId: chat.id,
      user: me,
      request: { text: "Let me check the refund", clientId, seenMessageId: mine.messageId, confirmCollision: true },
    });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: confirmed.messageId } })).toMatchObject({
      text: "Let me check the refund",
      sentById: userId,
    });
    // Having seen her reply (a newer baseline), there is nothing to warn about.
    await expect(send(me, "All done", { seenMessageId: confirmed.messageId })).resolves.toMatchObject({
      messageId: expect.any(Number),
    });
  });
});
