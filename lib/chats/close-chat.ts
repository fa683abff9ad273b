import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { enqueueChatAction } from "@/lib/outbox/enqueue";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";

/** Closes a chat here at once and at the provider through the outbox. */
export async function closeChat(prisma: Db, { chatId, userId }: { chatId: number; userId: string }) {
  const chat = await findVisibleChat(prisma, chatId);
  requireCapability(await providerForConnection(prisma, chat.connectionId), "closeChat");
  if (chat.status === "closed") return { status: "closed" as const };
  await prisma.$transaction(async (tx) => {
    await tx.chat.update({ where: { id: chatId }, data: { status: "closed" } });
    await enqueueChatAction(tx, chat, { kind: "close_chat", userId, click: String(Date.now()) });
    await recordAudit(tx, { userId, action: "chat.close", chatId });
    await emitChanges(tx, [{ type: "chat.changed", chatId, connectionId: chat.connectionId }]);
  });
  return { status: "closed" as const };
}
