import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import type { ChangeEvent } from "@/lib/events/types";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("snoozes");

/** How often every instance looks for snoozes that ran out. */
export const SNOOZE_CHECK_INTERVAL_MS = 3_000;
/** Chats woken per transaction, so a backlog never makes one long transaction. */
const BATCH_SIZE = 200;

type Woken = { id: number; connectionId: string; snoozedUntil: Date };

/**
 * Reopens the pending chats whose time has come, once each whichever instances run this at the
 * same moment: each due row is locked by the one transaction that takes it (others skip it), and
 * the status is checked again under the lock, so a chat another instance just reopened, or an
 * agent just changed, is left alone. Returns the ids reopened by this call.
 */
export async function expireSnoozes(prisma: Db, instanceId: string): Promise<number[]> {
  const reopened: number[] = [];
  for (;;) {
    const woken = await prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Woken[]>`
        UPDATE chats c SET inbox_status = 'open', snoozed_until = NULL, status_changed_at = now(), updated_at = now()
        FROM (
          SELECT id, snoozed_until FROM chats
          WHERE inbox_status = 'pending' AND snoozed_until <= now()
          ORDER BY snoozed_until LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED
        ) due
        WHERE c.id = due.id AND c.inbox_status = 'pending'
        RETURNING c.id, c.connection_id::text AS "connectionId", due.snoozed_until AS "snoozedUntil"`;
      for (const row of rows) {
        await recordAudit(tx, {
          userId: null,
          action: "chat.snooze_expired",
          chatId: row.id,
          details: { snoozedUntil: row.snoozedUntil.toISOString(), instance: instanceId },
        });
      }
      const connections = new Set(rows.map((row) => row.connectionId));
      await emitChanges(tx, [
        ...rows.map((row): ChangeEvent => ({ type: "chat.changed", chatId: row.id, connectionId: row.connectionId })),
        ...[...connections].map((connectionId): ChangeEvent => ({ type: "counts.changed", connectionId })),
      ]);
      return rows;
    });
    reopened.push(...woken.map((row) => row.id));
    if (woken.length < BATCH_SIZE) return reopened;
  }
}

/** Runs `expireSnoozes` now and then, in every instance (Postgres makes each reopening happen once). */
export function startSnoozeTimer(options: { prisma: Db; instanceId: string; intervalMs?: number }): {
  stop: () => Promise<void>;
} {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    // A slow round (a backlog, a busy database) is not overtaken by the next.
    if (stopped || running) return;
    running = expireSnoozes(options.prisma, options.instanceId)
      .then((ids) => {
        if (ids.length > 0) log.debug({ reopened: ids, instance: options.instanceId }, "snoozed chats reopened");
      })
      .catch((error: unknown) => log.warn({ err: error }, "reopening snoozed chats failed; will try again"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? SNOOZE_CHECK_INTERVAL_MS);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
