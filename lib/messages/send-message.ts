import { assignOnFirstReply } from "@/lib/assignment/auto-assign";
import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import { messagePreview } from "@/lib/ingest/message-preview";
import { pendingExternalId } from "@/lib/ingest/pending-id";
import { recomputeUnread } from "@/lib/ingest/unread";
import { recomputeWaiting } from "@/lib/ingest/waiting";
import { repliesSinceTyping } from "@/lib/messages/collision";
import type { SendMessageRequest } from "@/lib/messages/send-message.types";
import { enqueueOutbox } from "@/lib/outbox/enqueue";
import { attachFilesToMessage, filesForReply } from "@/lib/outgoing-files/attach-files";
import { outgoingPolicyOf } from "@/lib/outgoing-files/outgoing-policy";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";

/**
 * Adds the agent's message to the thread at once (state "pending"), with the files uploaded for
 * it, and queues its delivery; the outbox worker sends it and marks it sent or failed.
 */
export async function sendMessage(
  prisma: Db,
  { chatId, user, request }: { chatId: number; user: { id: string; name: string }; request: SendMessageRequest },
): Promise<{ messageId: number }> {
  const existing = await prisma.message.findUnique({ where: { clientId: request.clientId } });
  if (existing) {
    if (existing.chatId !== chatId) throw new AppError("CONFLICT", "This message id was already used in another chat");
    return { messageId: existing.id };
  }
  const chat = await findVisibleChat(prisma, chatId);
  const provider = await providerForConnection(prisma, chat.connectionId);
  const text = request.text.trim();
  const fileIds = request.fileIds ?? [];
  if (text !== "") requireCapability(provider, request.replyToMessageId ? "sendReply" : "sendText");
  if (fileIds.length > 0) requireCapability(provider, "sendFile");
  const files =
    fileIds.length === 0
      ? []
      : await filesForReply(prisma, {
          chatId,
          userId: user.id,
          fileIds,
          text,
          policy: await outgoingPolicyOf(prisma, chat.connectionId),
        });
  const target = request.replyToMessageId
    ? await prisma.message.findFirst({ where: { id: request.replyToMessageId, chatId } })
    : null;
  if (request.replyToMessageId && !target)
    throw new AppError("BAD_REQUEST", "The message you reply to is not in this chat");
  if (request.seenMessageId != null && !request.confirmCollision) {
    const collisions = await repliesSinceTyping(prisma, {
      chatId,
      userId: user.id,
      seenMessageId: request.seenMessageId,
    });
    if (collisions.length > 0) {
      throw new AppError("CONFLICT", "Another agent replied while you were typing", {
        reason: "collision",
        messages: collisions,
      });
    }
  }
  const now = new Date();
  const preview = messagePreview(
    text,
    files.map((file) => file.fileName),
  );
  return prisma.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        chatId,
        externalId: pendingExternalId(request.clientId),
        direction: "outbound",
        authorName: user.name,
        authorExternalId: null,
        text: text === "" ? null : text,
        createdAt: now,
        replyToId: target?.id ?? null,
        replyToExternalId: target?.externalId ?? null,
        replyQuoteAuthor: target?.authorName ?? null,
        replyQuoteText: target ? messagePreview(target.text) : null,
        deliveryState: "pending",
        clientId: request.clientId,
        sentById: user.id,
      },
    });
    await tx.chat.update({
      where: { id: chatId },
      data: { lastMessageAt: now, lastMessagePreview: preview },
    });
    await attachFilesToMessage(tx, message.id, files);
    await recomputeUnread(tx, [chatId]);
    await recomputeWaiting(tx, [chatId]);
    await assignOnFirstReply(tx, { chatId, userId: user.id });
    await enqueueOutbox(tx, {
      connectionId: chat.connectionId,
      chatId,
      messageId: message.id,
      kind: "send_message",
      idempotencyKey: `send_message:${request.clientId}`,
      createdById: user.id,
    });
    await recordAudit(tx, { userId: user.id, action: "message.send", chatId, details: { messageId: message.id } });
    await emitChanges(tx, [
      { type: "messages.changed", chatId, messageIds: [message.id] },
      { type: "chat.changed", chatId, connectionId: chat.connectionId },
      { type: "counts.changed", connectionId: chat.connectionId },
    ]);
    return { messageId: message.id };
  });
}
