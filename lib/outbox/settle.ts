import type { Db, DbTransaction } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import type { ChangeEvent } from "@/lib/events/types";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { recordSentMessage } from "@/lib/ingest/record-sent";
import { recomputeWaiting } from "@/lib/ingest/waiting";
import type { ClaimedAction } from "@/lib/outbox/claim";
import type { NormalizedMessage } from "@/lib/providers/types";

/** The action, and who settles it. */
type Lease = { prisma: Db; action: ClaimedAction; instanceId: string };

/**
 * The action is over, delivered or refused. A retry by hand is a new decision to send: it must
 * not inherit this attempt's doubt.
 */
const finished = (status: "done" | "failed", lastError: string | null) =>
  ({ status, completedAt: new Date(), lastError, unconfirmedSince: null }) as const;

/** Thrown inside a settling transaction to undo it: another instance holds the action now. */
class LeaseLost extends Error {}

/**
 * Runs `write` in a transaction that first moves the action out of `in_flight`, only if this
 * instance still holds its lease; false (and nothing written) when the lease was lost.
 */
async function whileHoldingLease(
  { prisma, action, instanceId }: Lease,
  update: Prisma.OutboxActionUpdateManyMutationInput,
  write: (tx: DbTransaction) => Promise<ChangeEvent[]>,
): Promise<boolean> {
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.outboxAction.updateMany({
        where: { id: action.id, lockedBy: instanceId, status: "in_flight" },
        data: { ...update, lockedBy: null, lockedUntil: null },
      });
      if (count === 0) throw new LeaseLost();
      await emitChanges(tx, await write(tx));
    });
    return true;
  } catch (error) {
    if (error instanceof LeaseLost) return false;
    throw error;
  }
}

function chatChanged(action: ClaimedAction): ChangeEvent[] {
  return action.chatId === null
    ? []
    : [{ type: "chat.changed", chatId: action.chatId, connectionId: action.connectionId }];
}

/** The provider has it: the action is done, and a send's message is sent (merged with the sync's copy). */
export function settleDelivered(
  prisma: Db,
  action: ClaimedAction,
  instanceId: string,
  sent: { message: NormalizedMessage | null } | null,
): Promise<boolean> {
  return whileHoldingLease({ prisma, action, instanceId }, finished("done", null), async (tx) => {
    if (!sent || action.messageId === null || action.chatId === null) return chatChanged(action);
    const messageIds = await recordSentMessage(tx, action.messageId, sent.message);
    return [{ type: "messages.changed", chatId: action.chatId, messageIds }, ...chatChanged(action)];
  });
}

/** The provider refused: the action is failed, and a send's message shows why (with Retry in the UI). */
export function settleFailed(prisma: Db, action: ClaimedAction, instanceId: string, reason: string): Promise<boolean> {
  return whileHoldingLease({ prisma, action, instanceId }, finished("failed", reason), async (tx) => {
    if (action.kind !== "send_message" || action.messageId === null || action.chatId === null) {
      return chatChanged(action);
    }
    await tx.message.updateMany({
      where: { id: action.messageId },
      data: { deliveryState: "failed", deliveryError: reason },
    });
    // A reply that never arrived leaves the customer waiting again.
    const waiting = await recomputeWaiting(tx, [action.chatId]);
    return [
      { type: "messages.changed", chatId: action.chatId, messageIds: [action.messageId] },
      ...(waiting.length > 0 ? chatChanged(action) : []),
      ...(waiting.some((chat) => chat.flipped)
        ? [{ type: "counts.changed" as const, connectionId: action.connectionId }]
        : []),
    ];
  });
}

/** Not now: back to the queue until `delayMs` from now; a send that may have arrived is checked first next time. */
export function settleRetry(
  prisma: Db,
  action: ClaimedAction,
  instanceId: string,
  { delayMs, reason, mayHaveArrived }: { delayMs: number; reason: string; mayHaveArrived: boolean },
): Promise<boolean> {
  const doubt = mayHaveArrived && action.kind === "send_message";
  return whileHoldingLease(
    { prisma, action, instanceId },
    {
      status: "pending",
      nextAttemptAt: new Date(Date.now() + delayMs),
      lastError: reason,
      ...(doubt ? { unconfirmedSince: action.unconfirmedSince ?? new Date() } : {}),
    },
    async () => [],
  );
}
