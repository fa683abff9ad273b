import type { z } from "zod";
import { activeStaffIds } from "@/lib/assignment/staff";
import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import type { ChangeEvent } from "@/lib/events/types";
import type { ZAddNoteRequest } from "@/lib/notes/add-note.types";

/** A note's id in its chat: provider ids never look like this, so the sync never touches it. */
export const noteExternalId = (clientId: string) => `note:${clientId}`;

/**
 * A private note in the thread: stored and searched with the messages, shown to the team only,
 * never queued for the provider (no outbox action; the database refuses one), never a reply
 * (the chat's waiting time, preview and unread count stay) and recorded in the audit log. Each
 * mentioned teammate finds the chat in their Mentions view until they open it.
 */
export async function addNote(
  prisma: Db,
  {
    chatId,
    user,
    request,
  }: { chatId: number; user: { id: string; name: string }; request: z.output<typeof ZAddNoteRequest> },
): Promise<{ messageId: number; mentioned: string[] }> {
  const existing = await prisma.message.findUnique({ where: { clientId: request.clientId } });
  if (existing) {
    if (existing.chatId !== chatId || existing.direction !== "note") {
      throw new AppError("CONFLICT", "This note id was already used elsewhere");
    }
    const mentions = await prisma.noteMention.findMany({ where: { messageId: existing.id }, select: { userId: true } });
    return { messageId: existing.id, mentioned: mentions.map((mention) => mention.userId) };
  }
  const chat = await findVisibleChat(prisma, chatId);
  const named = [...new Set(request.mentions)].filter((id) => id !== user.id);
  const active = await activeStaffIds(prisma, named);
  const mentioned = named.filter((id) => active.has(id));
  return prisma.$transaction(async (tx) => {
    const note = await tx.message.create({
      data: {
        chatId,
        externalId: noteExternalId(request.clientId),
        direction: "note",
        authorName: user.name,
        text: request.text.trim(),
        createdAt: new Date(),
        clientId: request.clientId,
        sentById: user.id,
      },
    });
    if (mentioned.length > 0) {
      await tx.noteMention.createMany({ data: mentioned.map((userId) => ({ messageId: note.id, chatId, userId })) });
    }
    await recordAudit(tx, { userId: user.id, action: "note.add", chatId, details: { messageId: note.id, mentioned } });
    const events: ChangeEvent[] = [{ type: "messages.changed", chatId, messageIds: [note.id] }];
    // The mentioned people's Mentions view and count.
    if (mentioned.length > 0) {
      events.push(
        { type: "chat.changed", chatId, connectionId: chat.connectionId },
        { type: "counts.changed", connectionId: chat.connectionId },
      );
    }
    await emitChanges(tx, events);
    return { messageId: note.id, mentioned };
  });
}
