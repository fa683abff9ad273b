import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { recomputeUnread } from "@/lib/ingest/unread";
import { enqueueChatAction } from "@/lib/outbox/enqueue";
import { providerForConnection } from "@/lib/providers/for-connection";

/**
 * Marks a chat read for the team: locally at once, and (where the provider has read state)
 * through the outbox, which tells the provider even if it is down right now.
 */
export async function markChatRead(prisma: Db, { chatId, userId }: { chatId: number; userId: string }) {
  const chat = await findVisibleChat(prisma, chatId);
  if (chat.unreadCount === 0 && !chat.markedUnread) return { unreadCount: 0 };
  const provider = await providerForConnection(prisma, chat.connectionId);
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    await tx.chat.update({
      where: { id: chatId },
      data: {
        agentLastSeenAt: now,
        markedUnread: false,
        providerUnreadCount: chat.providerUnreadCount === null ? null : 0,
      },
    });
    await recomputeUnread(tx, [chatId]);
    if (provider.capabilities.markRead) {
      const alreadyQueued = await tx.outboxAction.count({
        where: { chatId, kind: "mark_read", status: { in: ["pending", "in_flight"] } },
      });
      if (alreadyQueued === 0) {
        await enqueueChatAction(tx, chat, { kind: "mark_read", userId, click: now.toISOString() });
      }
    }
    await recordAudit(tx, { userId, action: "chat.mark_read", chatId });
    await emitChanges(tx, [
      { type: "chat.changed", chatId, connectionId: chat.connectionId },
      { type: "counts.changed", connectionId: chat.connectionId },
    ]);
    return { unreadCount: 0 };
  });
}
