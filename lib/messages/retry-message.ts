import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import { recomputeWaiting } from "@/lib/ingest/waiting";

/** Puts a failed send back in the queue, under its original idempotency key. */
export async function retryMessage(prisma: Db, { messageId, userId }: { messageId: number; userId: string }) {
  const message = await prisma.message.findFirst({
    where: { id: messageId, chat: { connection: { enabled: true } } },
    include: { outboxActions: { where: { kind: "send_message" } } },
  });
  if (!message) throw new AppError("NOT_FOUND", "Message not found");
  if (message.deliveryState !== "failed") throw new AppError("CONFLICT", "Only a failed message can be sent again");
  const [action] = message.outboxActions;
  if (!action) throw new AppError("CONFLICT", "This message was not sent from the inbox");
  await prisma.$transaction(async (tx) => {
    await tx.message.update({ where: { id: messageId }, data: { deliveryState: "pending", deliveryError: null } });
    await tx.outboxAction.update({
      where: { id: action.id },
      data: {
        status: "pending",
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        lockedUntil: null,
        lockedBy: null,
      },
    });
    await recordAudit(tx, { userId, action: "message.retry", chatId: message.chatId, details: { messageId } });
    const waiting = await recomputeWaiting(tx, [message.chatId]);
    await emitChanges(tx, [
      { type: "messages.changed", chatId: message.chatId, messageIds: [messageId] },
      ...waiting.flatMap((chat) => [
        { type: "chat.changed" as const, chatId: chat.id, connectionId: chat.connectionId },
        ...(chat.flipped ? [{ type: "counts.changed" as const, connectionId: chat.connectionId }] : []),
      ]),
    ]);
  });
  return { messageId, deliveryState: "pending" as const };
}
