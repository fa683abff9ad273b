import { createHmac, timingSafeEqual } from "node:crypto";

/** The JSON an alert webhook posts (README "Outage alerts"). */
export type AlertWebhookBody = {
  event: "down" | "recovered";
  alertId: string;
  connection: { id: string; name: string; provider: string };
  /** The provider's last error, one line. */
  error: string | null;
  /** When the trouble began (ISO 8601). */
  since: string;
  /** On `recovered`: how long the outage lasted. */
  durationSeconds?: number;
};

export const SIGNATURE_HEADER = "x-inbox-signature";
export const TIMESTAMP_HEADER = "x-inbox-timestamp";
export const DELIVERY_HEADER = "x-inbox-delivery";

/** The body as posted: built once per transition and stored, so every retry sends (and signs) the same bytes. */
export function alertWebhookBody(body: AlertWebhookBody): string {
  const { durationSeconds, ...rest } = body;
  return JSON.stringify(durationSeconds === undefined ? rest : { ...rest, durationSeconds });
}

/** `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. */
export function signAlertWebhook(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
export function verifyAlertWebhook(body: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(signAlertWebhook(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
