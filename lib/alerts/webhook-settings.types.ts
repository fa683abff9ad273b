import { z } from "zod";

/** Longest webhook URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/**
 * An alert webhook's address: http or https, no user name or password in it, at most 2,000
 * characters. Where it may point is checked again before every POST (lib/alerts/outgoing-url.ts:
 * public addresses only in production).
 */
export const ZAlertWebhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(MAX_WEBHOOK_URL_LENGTH)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !!url.hostname
      );
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// address without a user name or password");

export const ZSaveAlertWebhookRequest = z.object({
  url: ZAlertWebhookUrl,
  /** Replace the signing secret with a new one (shown once in the answer). */
  rotateSecret: z.boolean().optional(),
});
export type TSaveAlertWebhookRequest = z.infer<typeof ZSaveAlertWebhookRequest>;

export type AlertWebhookDeliveryView = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
};

export type AlertWebhookView = {
  url: string | null;
  /** The secret's last characters (`…a1b2`); the whole secret is only in the answer that created it. */
  secretHint: string | null;
  deliveries: AlertWebhookDeliveryView[];
};

/** The answer to saving: the secret only when this save generated it. */
export type SavedAlertWebhook = { url: string; secret: string | null };
