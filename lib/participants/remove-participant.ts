import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import { enqueueChatAction } from "@/lib/outbox/enqueue";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";

/** Removes a member here at once and at the provider through the outbox. */
export async function removeParticipant(
  prisma: Db,
  { chatId, participantId, userId }: { chatId: number; participantId: number; userId: string },
) {
  const chat = await findVisibleChat(prisma, chatId);
  requireCapability(await providerForConnection(prisma, chat.connectionId), "removeParticipant");
  const participant = await prisma.participant.findFirst({ where: { id: participantId, chatId } });
  if (!participant) throw new AppError("NOT_FOUND", "Participant not found");
  if (!participant.isActive) return { removed: true };
  await prisma.$transaction(async (tx) => {
    await tx.participant.update({ where: { id: participantId }, data: { isActive: false } });
    await enqueueChatAction(tx, chat, {
      kind: "remove_participant",
      userId,
      click: `${participant.externalId}:${Date.now()}`,
      payload: { participantExternalId: participant.externalId },
    });
    await recordAudit(tx, {
      userId,
      action: "participant.remove",
      chatId,
      details: { participant: participant.externalId },
    });
    await emitChanges(tx, [{ type: "chat.changed", chatId, connectionId: chat.connectionId }]);
  });
  return { removed: true };
}
