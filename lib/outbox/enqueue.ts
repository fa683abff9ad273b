import type { DbClient } from "@/lib/db";
import type { OutboxKind } from "@/lib/generated/prisma/enums.ts";

/** NOTIFYed when an action is queued, so an idle worker starts on it at once (lib/outbox/worker.ts). */
export const OUTBOX_CHANNEL = "outbox_actions";

export type OutboxRequest = {
  connectionId: string;
  kind: OutboxKind;
  chatId?: number;
  messageId?: number;
  payload?: Record<string, unknown>;
  /** One key per staff action (a click), so a repeated request cannot queue it twice. */
  idempotencyKey: string;
  createdById?: string;
};

/**
 * Queues an action for the provider. Call it in the same transaction as the local change, so
 * the change and the promise to tell the provider are saved together or not at all.
 * Returns false when an action with this key was already queued.
 */
export async function enqueueOutbox(client: DbClient, request: OutboxRequest): Promise<boolean> {
  const { count } = await client.outboxAction.createMany({
    data: [{ ...request, payload: (request.payload ?? {}) as object }],
    skipDuplicates: true,
  });
  // Postgres delivers the notice only if and when the transaction commits.
  if (count === 1) await client.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${request.connectionId})`;
  return count === 1;
}

/**
 * Queues a staff member's action on a chat; `click` tells this action apart from earlier ones of
 * the same kind on the chat (its time, and what it acts on), making the idempotency key.
 */
export function enqueueChatAction(
  client: DbClient,
  chat: { id: number; connectionId: string },
  action: { kind: OutboxKind; userId: string; click: string; payload?: Record<string, unknown> },
): Promise<boolean> {
  return enqueueOutbox(client, {
    connectionId: chat.connectionId,
    chatId: chat.id,
    kind: action.kind,
    payload: action.payload,
    idempotencyKey: `${action.kind}:${chat.id}:${action.click}`,
    createdById: action.userId,
  });
}
