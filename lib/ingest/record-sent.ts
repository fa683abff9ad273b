import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { DeliveryState } from "@/lib/generated/prisma/enums.ts";
import { isAnotherInboxSend } from "@/lib/ingest/own-send";
import { recomputeUnread } from "@/lib/ingest/unread";
import type { NormalizedMessage } from "@/lib/providers/types";

const PROGRESS: DeliveryState[] = ["pending", "sent", "delivered", "read"];

/** The further of two delivery states (a provider's "read" beats our "sent"). */
function furthest(...states: Array<DeliveryState | null | undefined>): DeliveryState {
  return states.reduce<DeliveryState>(
    (best, state) => (state && PROGRESS.indexOf(state) > PROGRESS.indexOf(best) ? state : best),
    "sent",
  );
}

/**
 * Marks the inbox's message `messageId` sent, under the provider's id when the provider gave it
 * back. If the sync already stored the provider's copy as a row of its own, that row is merged
 * into ours (its reactions, attachments and replies move over) and deleted, so the thread shows
 * the message once and the outbox keeps its link to it. Returns the ids of the rows touched.
 */
export async function recordSentMessage(
  tx: DbTransaction,
  messageId: number,
  sent: NormalizedMessage | null,
): Promise<number[]> {
  const ours = await tx.message.findUnique({ where: { id: messageId } });
  if (!ours) return [];
  const twin =
    sent && sent.externalId !== ours.externalId
      ? await tx.message.findUnique({
          where: { chatId_externalId: { chatId: ours.chatId, externalId: sent.externalId } },
        })
      : null;
  // Another inbox send under that id would be a provider bug; keep both rows rather than guess.
  const mergeable = twin && !isAnotherInboxSend(twin, ours) ? twin : null;
  if (mergeable) {
    await tx.reaction.updateMany({ where: { messageId: mergeable.id }, data: { messageId: ours.id } });
    // Files the agent attached are ours already (with their names); otherwise the provider's move over.
    if ((await tx.attachment.count({ where: { messageId: ours.id } })) === 0) {
      await tx.attachment.updateMany({ where: { messageId: mergeable.id }, data: { messageId: ours.id } });
    }
    await tx.message.updateMany({ where: { replyToId: mergeable.id }, data: { replyToId: ours.id } });
    await tx.message.delete({ where: { id: mergeable.id } });
  }
  const adopted = sent !== null && (twin === null || mergeable !== null) ? sent : null;
  const raw = mergeable?.raw ?? adopted?.raw;
  await tx.message.update({
    where: { id: ours.id },
    data: {
      deliveryState: furthest(ours.deliveryState, mergeable?.deliveryState, sent?.deliveryState),
      deliveryError: null,
      ...(adopted ? { externalId: adopted.externalId } : {}),
      ...(raw !== undefined && raw !== null ? { raw: raw as Prisma.InputJsonValue } : {}),
    },
  });
  if (mergeable) await recomputeUnread(tx, [ours.chatId]);
  return mergeable ? [ours.id, mergeable.id] : [ours.id];
}
