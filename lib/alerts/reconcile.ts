import { type AlertWebhookBody, alertWebhookBody } from "@/lib/alerts/webhook-signature";
import type { Db, DbTransaction } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("alerts");

export type ReconcileOptions = {
  /** Only this connection (after its health write); every connection when absent (the sweep). */
  connectionId?: string;
  /** How long a connection may stay degraded before it raises an alert. */
  degradedAfterMs: number;
};

export type ReconcileResult = { raised: bigint[]; closed: bigint[] };

type RaisedRow = { id: bigint; connection_id: string; error: string | null; started_at: Date };
type ClosedRow = {
  id: bigint;
  connection_id: string;
  error: string | null;
  started_at: Date;
  resolution: string;
  duration_seconds: number;
};
type WebhookTarget = { id: string; display_name: string; kind: string };

/**
 * Brings the alerts in line with the connections' health: opens one for a connection that is down,
 * or degraded for longer than the threshold, and closes the open one of a connection that is ok
 * again (or was turned off). Every instance may run it at any time, concurrently: the partial unique
 * index on open alerts lets exactly one insert win, and `closed_at IS NULL` lets exactly one update
 * close, so each transition is announced (event + webhook delivery row) once, in the transaction
 * that made it.
 */
export async function reconcileAlerts(prisma: Db, options: ReconcileOptions): Promise<ReconcileResult> {
  const connectionId = options.connectionId ?? null;
  const thresholdSeconds = options.degradedAfterMs / 1000;
  return prisma.$transaction(async (tx) => {
    const raised = await tx.$queryRaw<RaisedRow[]>`
      INSERT INTO connection_alerts (connection_id, cause, error, started_at)
      SELECT c.id, c.health::text, c.last_error, c.unhealthy_since
      FROM connections c
      WHERE c.enabled AND c.deleted_at IS NULL AND c.unhealthy_since IS NOT NULL
        AND (c.health = 'down'
          OR (c.health = 'degraded' AND c.unhealthy_since <= now() - make_interval(secs => ${thresholdSeconds}::float8)))
        AND (${connectionId}::uuid IS NULL OR c.id = ${connectionId}::uuid)
        AND NOT EXISTS (SELECT 1 FROM connection_alerts a WHERE a.connection_id = c.id AND a.closed_at IS NULL)
      ON CONFLICT (connection_id) WHERE closed_at IS NULL DO NOTHING
      RETURNING id, connection_id, error, started_at`;
    const closed = await tx.$queryRaw<ClosedRow[]>`
      UPDATE connection_alerts a SET closed_at = now(),
        resolution = CASE WHEN c.health = 'ok' AND c.enabled AND c.deleted_at IS NULL THEN 'recovered' ELSE 'disabled' END,
        duration_seconds = GREATEST(0, round(extract(epoch FROM now() - a.started_at)))::int
      FROM connections c
      WHERE c.id = a.connection_id AND a.closed_at IS NULL
        AND (c.health = 'ok' OR NOT c.enabled OR c.deleted_at IS NOT NULL)
        AND (${connectionId}::uuid IS NULL OR a.connection_id = ${connectionId}::uuid)
      RETURNING a.id, a.connection_id, a.error, a.started_at, a.resolution, a.duration_seconds`;
    if (raised.length === 0 && closed.length === 0) return { raised: [], closed: [] };

    const touched = [...new Set([...raised, ...closed].map((row) => row.connection_id))];
    await emitChanges(
      tx,
      touched.map((id) => ({ type: "connection.changed", connectionId: id })),
    );
    const targets = await webhookTargets(tx, touched);
    const deliveries: Array<{ alertId: bigint; connectionId: string; event: string; body: string }> = [];
    for (const row of raised) {
      const target = targets.get(row.connection_id);
      if (target) deliveries.push(delivery(row.id, target, { event: "down", error: row.error, since: row.started_at }));
    }
    for (const row of closed) {
      const target = targets.get(row.connection_id);
      if (!target || row.resolution !== "recovered") continue;
      deliveries.push(
        delivery(row.id, target, {
          event: "recovered",
          error: row.error,
          since: row.started_at,
          durationSeconds: row.duration_seconds,
        }),
      );
    }
    if (deliveries.length > 0) {
      await tx.alertWebhookDelivery.createMany({ data: deliveries, skipDuplicates: true });
    }
    for (const row of raised)
      log.warn({ connectionId: row.connection_id, alertId: String(row.id) }, "outage alert raised");
    for (const row of closed) {
      log.info(
        { connectionId: row.connection_id, alertId: String(row.id), durationSeconds: row.duration_seconds },
        "outage alert closed",
      );
    }
    return { raised: raised.map((row) => row.id), closed: closed.map((row) => row.id) };
  });
}

/** The touched connections that have an outgoing alert webhook. */
async function webhookTargets(tx: DbTransaction, connectionIds: string[]): Promise<Map<string, WebhookTarget>> {
  const rows = await tx.connection.findMany({
    where: { id: { in: connectionIds }, alertWebhookUrl: { not: null } },
    select: { id: true, displayName: true, kind: true },
  });
  return new Map(rows.map((row) => [row.id, { id: row.id, display_name: row.displayName, kind: row.kind }]));
}

function delivery(
  alertId: bigint,
  target: WebhookTarget,
  what: Pick<AlertWebhookBody, "event" | "error" | "durationSeconds"> & { since: Date },
) {
  const body = alertWebhookBody({
    event: what.event,
    alertId: String(alertId),
    connection: { id: target.id, name: target.display_name, provider: target.kind },
    error: what.error,
    since: what.since.toISOString(),
    durationSeconds: what.durationSeconds,
  });
  return { alertId, connectionId: target.id, event: what.event, body };
}
