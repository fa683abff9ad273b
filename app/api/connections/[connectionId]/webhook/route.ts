import { z } from "zod";
import { alertWebhookOf, removeAlertWebhook, saveAlertWebhook } from "@/lib/alerts/webhook-settings";
import { ZSaveAlertWebhookRequest } from "@/lib/alerts/webhook-settings.types";
import { withSession } from "@/lib/api/handler";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { runtimeSecretKey } from "@/lib/runtime";

export const dynamic = "force-dynamic";

const ZParams = z.object({ connectionId: z.uuid() });

/** The connection's outage webhook (its secret only as a hint) and its latest deliveries. */
export const GET = withSession({ role: "admin", params: ZParams }, ({ params }) =>
  alertWebhookOf(db(), params.connectionId, runtimeSecretKey()),
);

/** Sets the URL; the answer carries the signing secret once, when this save generated it. */
export const PATCH = withSession(
  { role: "admin", params: ZParams, body: ZSaveAlertWebhookRequest, maxBodyBytes: 8 * 1024 },
  ({ session, params, body }) =>
    db().$transaction(async (tx) => {
      const saved = await saveAlertWebhook(tx, params.connectionId, body, runtimeSecretKey());
      // The host only: a webhook's path often carries the receiver's own token (e.g. chat-service hooks).
      const details = {
        connectionId: params.connectionId,
        alertWebhook: new URL(saved.url).origin,
        newSecret: saved.secret !== null,
      };
      await recordAudit(tx, { userId: session.userId, action: "connection.update", details });
      return saved;
    }),
);

export const DELETE = withSession({ role: "admin", params: ZParams }, ({ session, params }) =>
  db().$transaction(async (tx) => {
    const removed = await removeAlertWebhook(tx, params.connectionId);
    const details = { connectionId: params.connectionId, alertWebhook: null };
    await recordAudit(tx, { userId: session.userId, action: "connection.update", details });
    return removed;
  }),
);
