import { reconcileAlerts } from "@/lib/alerts/reconcile";
import type { Db, DbClient } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { componentLogger } from "@/lib/logger";
import { DEFAULT_TUNING } from "@/lib/sync/tuning";

const log = componentLogger("sync-health");

export type Health = "ok" | "degraded" | "down";

/** What the UI shows of a failure: one line, no stack, no body dump. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]?.slice(0, 500) ?? "Unknown error";
}

export type HealthReporter = {
  /** A sync step finished fine: ok, and the time of the last successful sync. */
  synced: () => Promise<void>;
  /** Failing and retrying, or the breaker is letting a trial call through. */
  degraded: (error?: unknown) => Promise<void>;
  /** The breaker is open, or the provider refused our credentials. */
  down: (error: unknown) => Promise<void>;
};

/**
 * A connection's health as the UI shows it (ok / degraded / down, last error, last sync),
 * written without touching `updated_at` (that is the connection's configuration version: a
 * change would rebuild its provider client). Browsers hear `connection.changed` whenever the
 * health or the error changes, not on every sync. Each change also opens or closes the connection's
 * outage alert (lib/alerts/reconcile.ts).
 */
export function createHealthReporter(
  prisma: Db,
  connectionId: string,
  alerts: { degradedAfterMs: number } = { degradedAfterMs: DEFAULT_TUNING.degradedAlertAfterMs },
): HealthReporter {
  let shown: { health: Health; error: string | null } | null = null;

  async function write(health: Health, error: string | null): Promise<void> {
    const changed = shown === null || shown.health !== health || (error !== null && shown.error !== error);
    try {
      await prisma.$transaction(async (tx) => {
        const updated = await tx.$executeRaw`
          UPDATE connections SET health = ${health}::"ConnectionHealth",
            last_error = COALESCE(${error}, last_error),
            last_error_at = CASE WHEN ${error}::text IS NULL THEN last_error_at ELSE now() END,
            last_sync_at = CASE WHEN ${health} = 'ok' THEN now() ELSE last_sync_at END,
            unhealthy_since = CASE WHEN ${health} = 'ok' THEN NULL ELSE COALESCE(unhealthy_since, now()) END
          WHERE id = ${connectionId}::uuid`;
        if (changed && updated > 0) await emitChanges(tx, [{ type: "connection.changed", connectionId }]);
      });
      if (changed) log.info({ connectionId, health, error }, "connection health");
      shown = { health, error: error ?? shown?.error ?? null };
    } catch (failure) {
      log.warn({ err: failure, connectionId }, "could not store the connection's health");
      return;
    }
    // Down raises an alert at once, ok closes it; the sync manager's sweep catches what this misses
    // (a degraded connection crossing the threshold without a new write, a crash in between).
    if (changed || health === "degraded") {
      try {
        await reconcileAlerts(prisma, { connectionId, degradedAfterMs: alerts.degradedAfterMs });
      } catch (failure) {
        log.warn({ err: failure, connectionId }, "could not check the connection's outage alert");
      }
    }
  }

  return {
    synced: () => write("ok", null),
    degraded: (error) => write("degraded", error === undefined ? null : describeError(error)),
    down: (error) => write("down", describeError(error)),
  };
}

/** Provider items skipped since a time (docs/providers/README.md, rule 1); count 0 and since null when none. */
export type SkippedItemsSummary = { count: number; since: string | null };

/**
 * For admins' connection health: how many items each connection skipped and since when, shown as
 * `connectionHealth.itemsSkipped` ("3 items skipped since 10:02").
 */
export async function skippedItemsOf(
  prisma: DbClient,
  connectionIds: string[],
): Promise<Map<string, SkippedItemsSummary>> {
  const rows = await prisma.connection.findMany({
    where: { id: { in: connectionIds } },
    select: { id: true, skippedItems: true, skippedItemsSince: true },
  });
  return new Map(
    rows.map((row) => [row.id, { count: row.skippedItems, since: row.skippedItemsSince?.toISOString() ?? null }]),
  );
}
