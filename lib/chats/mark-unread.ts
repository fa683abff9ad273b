import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { recomputeUnread } from "@/lib/ingest/unread";

/**
 * Keeps a chat unread as a reminder. Providers have no "unread" call, so this stays local:
 * the chat counts as unread (at least 1) until someone reads it again.
 */
export async function markChatUnread(prisma: Db, { chatId, userId }: { chatId: number; userId: string }) {
  const chat = await findVisibleChat(prisma, chatId);
  return prisma.$transaction(async (tx) => {
    await tx.chat.update({ where: { id: chatId }, data: { markedUnread: true } });
    await recomputeUnread(tx, [chatId]);
    await recordAudit(tx, { userId, action: "chat.mark_unread", chatId });
    await emitChanges(tx, [
      { type: "chat.changed", chatId, connectionId: chat.connectionId },
      { type: "counts.changed", connectionId: chat.connectionId },
    ]);
    const { unreadCount } = await tx.chat.findUniqueOrThrow({ where: { id: chatId }, select: { unreadCount: true } });
    return { unreadCount };
  });
}
