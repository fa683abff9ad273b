import { randomBytes } from "node:crypto";
import type {
  AlertWebhookDeliveryView,
  AlertWebhookView,
  SavedAlertWebhook,
  TSaveAlertWebhookRequest,
} from "@/lib/alerts/webhook-settings.types";
import { seal, unseal } from "@/lib/crypto/secret-box";
import type { Db, DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** How many of a connection's latest deliveries its admin page lists. */
const LISTED_DELIVERIES = 20;

async function existing(prisma: DbClient, connectionId: string) {
  const row = await prisma.connection.findFirst({
    where: { id: connectionId, deletedAt: null },
    select: { id: true, alertWebhookUrl: true, alertWebhookSecret: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such connection");
  return row;
}

const hintOf = (secret: string) => `…${secret.slice(-4)}`;

/** The connection's alert webhook and its latest deliveries, for its admin page (never the secret itself). */
export async function alertWebhookOf(prisma: Db, connectionId: string, secretKey: string): Promise<AlertWebhookView> {
  const row = await existing(prisma, connectionId);
  const deliveries = await prisma.alertWebhookDelivery.findMany({
    where: { connectionId },
    orderBy: { createdAt: "desc" },
    take: LISTED_DELIVERIES,
  });
  return {
    url: row.alertWebhookUrl,
    secretHint: row.alertWebhookSecret ? hintOf(unseal(row.alertWebhookSecret, secretKey)) : null,
    deliveries: deliveries.map(
      (delivery): AlertWebhookDeliveryView => ({
        id: String(delivery.id),
        event: delivery.event,
        status: delivery.status as AlertWebhookDeliveryView["status"],
        attempts: delivery.attempts,
        lastStatusCode: delivery.lastStatusCode,
        lastError: delivery.lastError,
        createdAt: delivery.createdAt.toISOString(),
        deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      }),
    ),
  };
}

/**
 * Sets the URL; the first save (or `rotateSecret`) generates the HMAC secret, sealed at rest and
 * returned in this answer only.
 */
export async function saveAlertWebhook(
  prisma: DbClient,
  connectionId: string,
  request: TSaveAlertWebhookRequest,
  secretKey: string,
): Promise<SavedAlertWebhook> {
  const row = await existing(prisma, connectionId);
  const secret =
    !row.alertWebhookSecret || request.rotateSecret ? `whsec_${randomBytes(32).toString("base64url")}` : null;
  // A raw update: `updated_at` is the connection's configuration version, and this is not provider configuration.
  await prisma.$executeRaw`
    UPDATE connections SET alert_webhook_url = ${request.url},
      alert_webhook_secret = COALESCE(${secret === null ? null : seal(secret, secretKey)}, alert_webhook_secret)
    WHERE id = ${connectionId}::uuid`;
  return { url: request.url, secret };
}

/** Removes the webhook; deliveries still pending end as failed ("the webhook was removed"). */
export async function removeAlertWebhook(prisma: DbClient, connectionId: string): Promise<{ removed: boolean }> {
  const row = await existing(prisma, connectionId);
  await prisma.$executeRaw`
    UPDATE connections SET alert_webhook_url = NULL, alert_webhook_secret = NULL WHERE id = ${connectionId}::uuid`;
  return { removed: row.alertWebhookUrl !== null };
}
