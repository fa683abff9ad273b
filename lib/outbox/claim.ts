import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { OutboxKind } from "@/lib/generated/prisma/enums.ts";

/** An action this instance holds a lease on and is now delivering. */
export type ClaimedAction = {
  id: number;
  connectionId: string;
  chatId: number | null;
  messageId: number | null;
  kind: OutboxKind;
  payload: unknown;
  idempotencyKey: string;
  /** Counting this one. */
  attempts: number;
  /** Set when an earlier attempt may have reached the provider unseen (see the migration). */
  unconfirmedSince: Date | null;
};

/**
 * Which rows may be claimed now: pending and due, or in flight under a lease that ran out (its
 * instance died). A chat's actions go in the order they were made, so a row waits while an
 * earlier one of its chat is unfinished; actions of switched-off connections wait too.
 */
const claimable = Prisma.sql`
  ((c.status = 'pending' AND c.next_attempt_at <= now()) OR (c.status = 'in_flight' AND c.locked_until < now()))
  AND NOT EXISTS (
    SELECT 1 FROM outbox_actions e
    WHERE e.chat_id = c.chat_id AND e.id < c.id AND e.status IN ('pending', 'in_flight'))
  AND EXISTS (SELECT 1 FROM connections k WHERE k.id = c.connection_id AND k.enabled)`;

/**
 * Takes up to `limit` due actions under a lease of `leaseMs` for `instanceId`. Concurrent
 * claimers skip each other's rows (SKIP LOCKED), so no row is taken twice. A send retaken after
 * its lease ran out is marked unconfirmed: its first instance may have sent it before dying.
 */
export async function claimDueActions(
  prisma: Db,
  { instanceId, leaseMs, limit }: { instanceId: string; leaseMs: number; limit: number },
): Promise<ClaimedAction[]> {
  if (limit <= 0) return [];
  return prisma.$queryRaw<ClaimedAction[]>`
    UPDATE outbox_actions AS o
    SET status = 'in_flight',
      locked_by = ${instanceId},
      locked_until = now() + ${leaseMs}::int * interval '1 millisecond',
      attempts = o.attempts + 1,
      unconfirmed_since = CASE WHEN o.status = 'in_flight' AND o.kind = 'send_message'
        THEN COALESCE(o.unconfirmed_since, now()) ELSE o.unconfirmed_since END
    FROM (
      SELECT c.id FROM outbox_actions c
      WHERE ${claimable}
      ORDER BY c.next_attempt_at, c.id
      LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED
    ) AS due
    WHERE o.id = due.id
    RETURNING o.id, o.connection_id::text AS "connectionId", o.chat_id AS "chatId", o.message_id AS "messageId",
      o.kind::text AS kind, o.payload, o.idempotency_key AS "idempotencyKey", o.attempts,
      o.unconfirmed_since AS "unconfirmedSince"`;
}

/** When the next row becomes claimable (null: none is waiting), to sleep exactly that long. */
export async function nextDueAt(prisma: Db): Promise<Date | null> {
  const [row] = await prisma.$queryRaw<Array<{ due: Date | null }>>`
    SELECT min(CASE WHEN c.status = 'pending' THEN c.next_attempt_at ELSE c.locked_until END) AS due
    FROM outbox_actions c
    WHERE c.status IN ('pending', 'in_flight')
      AND NOT EXISTS (
        SELECT 1 FROM outbox_actions e
        WHERE e.chat_id = c.chat_id AND e.id < c.id AND e.status IN ('pending', 'in_flight'))
      AND EXISTS (SELECT 1 FROM connections k WHERE k.id = c.connection_id AND k.enabled)`;
  return row?.due ?? null;
}

/**
 * Extends this instance's leases on the actions it is still delivering; returns the ids it
 * still holds (a missing id was lost, and another instance may deliver it).
 */
export async function renewLeases(
  prisma: Db,
  { instanceId, leaseMs, ids }: { instanceId: string; leaseMs: number; ids: number[] },
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await prisma.$queryRaw<Array<{ id: number }>>`
    UPDATE outbox_actions SET locked_until = now() + ${leaseMs}::int * interval '1 millisecond'
    WHERE id IN (${Prisma.join(ids)}) AND locked_by = ${instanceId} AND status = 'in_flight'
    RETURNING id`;
  return new Set(rows.map((row) => row.id));
}

/**
 * Brings a connection's waiting retries forward to now: called when the connection is healthy
 * again, so queued actions go out at once instead of at the end of their backoff.
 */
export async function retryWaitingActionsNow(prisma: Db, connectionId: string): Promise<number> {
  return prisma.$executeRaw`
    UPDATE outbox_actions SET next_attempt_at = now()
    WHERE connection_id = ${connectionId}::uuid AND status = 'pending' AND next_attempt_at > now()
      AND EXISTS (SELECT 1 FROM connections k WHERE k.id = ${connectionId}::uuid AND k.health = 'ok')`;
}
