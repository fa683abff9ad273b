import { z } from "zod";
import { publicRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { receiveWebhookDelivery } from "@/lib/sync/webhook-delivery";

/**
 * One MAX `Update` (docs/providers/max.md "Webhooks"): any JSON object here, read by the adapter
 * like a polled update, so one that fails its schema is skipped and counted and still answered 200
 * (a non-200 makes MAX retry it for 8 hours and then drop the subscription).
 */
const ZMaxUpdate = z.looseObject({});

/**
 * MAX pushes updates here in webhook mode: no session (MAX is no browser, so no Origin either);
 * the subscription's secret header is the authentication, checked before anything is stored.
 */
export const POST = publicRoute(
  {
    params: z.object({ connectionId: z.uuid() }),
    body: ZMaxUpdate,
    maxBodyBytes: 1024 * 1024,
    fromOtherServers: true,
  },
  ({ request, params, body }) =>
    receiveWebhookDelivery(db(), {
      kind: "max",
      connectionId: params.connectionId,
      headers: request.headers,
      body,
      signal: request.signal,
    }),
);
