import type { Db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("events");

/** How long change events are kept: a client away for longer refetches everything (a `resync`). */
export const CHANGE_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
/** Rows per DELETE, so pruning a backlog never holds long locks or one huge transaction. */
const BATCH_SIZE = 5_000;

export type ChangeEventPrunerOptions = {
  prisma: Db;
  retentionMs?: number;
  intervalMs?: number;
};

/** Deletes the change events older than the retention window; returns how many. */
export async function pruneChangeEvents(prisma: Db, retentionMs = CHANGE_EVENT_RETENTION_MS): Promise<number> {
  const before = new Date(Date.now() - retentionMs);
  let total = 0;
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM change_events WHERE id IN (
        SELECT id FROM change_events WHERE created_at < ${before} ORDER BY id LIMIT ${BATCH_SIZE})`;
    total += deleted;
    if (deleted < BATCH_SIZE) return total;
  }
}

/**
 * Prunes old change events now and then, in every instance (deleting the same old rows twice
 * is harmless, so no instance has to be elected for it).
 */
export function startChangeEventPruner(options: ChangeEventPrunerOptions): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const prune = () => {
    running = pruneChangeEvents(options.prisma, options.retentionMs)
      .then((deleted) => {
        if (deleted > 0) log.info({ deleted }, "pruned old change events");
      })
      .catch((error: unknown) => log.warn({ err: error }, "pruning change events failed; will try again"));
  };
  prune();
  const timer = setInterval(prune, options.intervalMs ?? PRUNE_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
