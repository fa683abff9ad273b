import { z } from "zod";
import { alertWebhookOf, removeAlertWebhook, saveAlertWebhook } from "@/lib/alerts/webhook-settings";
import { ZSaveAlertWebhookRequest } from "@/lib/alerts/webhook-settings.types";
import { withSession } from "@/lib/api/handler";
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
  ({ params, body }) => saveAlertWebhook(db(), params.connectionId, body, runtimeSecretKey()),
);

export const DELETE = withSession({ role: "admin", params: ZParams }, ({ params }) =>
  removeAlertWebhook(db(), params.connectionId),
);
