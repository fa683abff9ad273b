import { postJson } from "@/lib/alerts/outgoing-url";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signAlertWebhook, TIMESTAMP_HEADER } from "@/lib/alerts/webhook-signature";
import { unseal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { backoffDelay } from "@/lib/retry";

const log = componentLogger("alerts");

export type WebhookPumpOptions = {
  secretKey: string;
  attempts: number;
  retryInitialMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  /** Tests only: post to loopback and private addresses. */
  toLocalUrls: boolean;
  /** Deliveries taken per round. */
  batch?: number;
};

type ClaimedRow = { id: bigint; connection_id: string; body: string; attempts: number; event: string };

/** How long a taken delivery stays with its instance before another may take it over (a crash mid-POST). */
const LEASE_SECONDS = 120;

/**
 * Posts the alert webhooks that are due, from any instance: each due row is leased with
 * `FOR UPDATE SKIP LOCKED` so two instances never post the same one at the same time, and the
 * outcome is written back only by the instance holding that attempt. A failure is retried with
 * growing, jittered waits kept in the row (so a restart loses no retry) until the attempts run out.
 * Returns how many deliveries were attempted.
 */
export async function deliverDueWebhooks(prisma: Db, options: WebhookPumpOptions): Promise<number> {
  const claimed = await prisma.$queryRaw<ClaimedRow[]>`
    UPDATE alert_webhook_deliveries d
    SET attempts = d.attempts + 1, leased_until = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE d.id IN (
      SELECT id FROM alert_webhook_deliveries
      WHERE status = 'pending' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
      ORDER BY next_attempt_at
      LIMIT ${options.batch ?? 10}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.connection_id, d.body, d.attempts, d.event`;
  for (const row of claimed) await attempt(prisma, row, options);
  return claimed.length;
}

type Outcome = { delivered: true; statusCode: number } | { delivered: false; statusCode: number | null; error: string };

async function attempt(prisma: Db, row: ClaimedRow, options: WebhookPumpOptions): Promise<void> {
  const connection = await prisma.connection.findUnique({
    where: { id: row.connection_id },
    select: { alertWebhookUrl: true, alertWebhookSecret: true },
  });
  let outcome: Outcome;
  if (!connection?.alertWebhookUrl || !connection.alertWebhookSecret) {
    outcome = { delivered: false, statusCode: null, error: "The webhook was removed" };
    await settle(prisma, row, outcome, true);
    return;
  }
  outcome = await post(connection.alertWebhookUrl, row, connection.alertWebhookSecret, options);
  const lastAttempt = row.attempts >= options.attempts;
  await settle(
    prisma,
    row,
    outcome,
    lastAttempt,
    backoffDelay(row.attempts, options.retryInitialMs, options.retryMaxMs),
  );
  if (!outcome.delivered) {
    log.warn(
      { deliveryId: String(row.id), attempts: row.attempts, statusCode: outcome.statusCode, error: outcome.error },
      lastAttempt ? "alert webhook failed for good" : "alert webhook failed, will retry",
    );
  }
}

async function post(url: string, row: ClaimedRow, sealedSecret: string, options: WebhookPumpOptions): Promise<Outcome> {
  try {
    // Inside the try: a secret that no longer unseals (the key changed) is a failed attempt, not a stuck row.
    const secret = unseal(sealedSecret, options.secretKey);
    const statusCode = await postJson(new URL(url), {
      publicOnly: !options.toLocalUrls,
      timeoutMs: options.timeoutMs,
      headers: {
        "content-type": "application/json",
        "user-agent": "support-inbox-alerts/1",
        [SIGNATURE_HEADER]: signAlertWebhook(row.body, secret),
        [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
        // The same on every retry of one transition, so a receiver can drop repeats.
        [DELIVERY_HEADER]: String(row.id),
      },
      body: row.body,
    });
    if (statusCode >= 200 && statusCode < 300) return { delivered: true, statusCode };
    return { delivered: false, statusCode, error: `The receiver answered ${statusCode}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { delivered: false, statusCode: null, error: message.split("\n")[0]?.slice(0, 300) ?? "Request failed" };
  }
}

async function settle(prisma: Db, row: ClaimedRow, outcome: Outcome, lastAttempt: boolean, retryInMs = 0) {
  const status = outcome.delivered ? "delivered" : lastAttempt ? "failed" : "pending";
  const error = outcome.delivered ? null : outcome.error;
  // Only the attempt that holds the row writes its outcome (a lease taken over after a stall is not overwritten).
  await prisma.$executeRaw`
    UPDATE alert_webhook_deliveries SET status = ${status}, leased_until = NULL,
      last_status_code = ${outcome.statusCode}, last_error = ${error},
      delivered_at = CASE WHEN ${status} = 'delivered' THEN now() ELSE delivered_at END,
      next_attempt_at = now() + make_interval(secs => ${retryInMs / 1000}::float8)
    WHERE id = ${row.id} AND attempts = ${row.attempts} AND status = 'pending'`;
}
