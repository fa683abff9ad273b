/**
 * The MAX sandbox's webhook side (docs/providers/max.md "Webhooks"): `POST/GET/DELETE
 * /subscriptions`, and each new update POSTed as one `Update` JSON body to every subscribed URL
 * with the subscription's secret in `X-Max-Bot-Api-Secret`. While a subscription exists,
 * `GET /updates` answers 405 (long polling and webhooks exclude each other).
 *
 * MAX takes only https on port 443 with a trusted certificate; the sandbox cannot hold such a
 * certificate and tests may reach loopback only, so here a loopback `http://` URL stands in for it.
 */
import type { FakeRequest, FakeResponse } from "@/sandbox/core/http";
import type { WireUpdate } from "@/sandbox/max/wire";

const SECRET = /^[a-zA-Z0-9_-]{5,256}$/;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

type Subscription = { url: string; time: number; update_types: string[] | null; secret: string | null };

/** One delivery attempt, kept for tests: what was sent where, and what the endpoint answered. */
export type Delivery = { url: string; update: WireUpdate; secret: string | null; status: number | null };

const result = (success: boolean, message?: string): FakeResponse => ({
  status: 200,
  json: message ? { success, message } : { success },
});

function acceptedUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return value;
    return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname) ? value : null;
  } catch {
    return null;
  }
}

export function createWebhookHub() {
  const subscriptions = new Map<string, Subscription>();
  const deliveries: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();

  async function post(subscription: Subscription, update: WireUpdate): Promise<void> {
    const delivery: Delivery = { url: subscription.url, update, secret: subscription.secret, status: null };
    deliveries.push(delivery);
    try {
      const response = await fetch(subscription.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(subscription.secret ? { "x-max-bot-api-secret": subscription.secret } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch {
      delivery.status = null;
    }
  }

  function send(subscription: Subscription, update: WireUpdate): Promise<void> {
    const sending = post(subscription, update).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    return sending;
  }

  return {
    /** Whether long polling is blocked. */
    active: () => subscriptions.size > 0,

    deliver(update: WireUpdate): void {
      for (const subscription of subscriptions.values()) {
        if (!subscription.update_types || subscription.update_types.includes(update.update_type)) {
          void send(subscription, update);
        }
      }
    },

    /** Sends a delivered update again, as MAX may ("the same event may arrive again"). */
    redeliver: (delivery: Delivery) =>
      send({ url: delivery.url, secret: delivery.secret, time: 0, update_types: null }, delivery.update),

    deliveries: (): Delivery[] => [...deliveries],

    /** Resolves once every delivery started so far has its answer. */
    settled: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },

    routes(request: FakeRequest): FakeResponse {
      if (request.method === "GET") {
        return {
          status: 200,
          json: { subscriptions: [...subscriptions.values()].map(({ secret: _secret, ...shown }) => shown) },
        };
      }
      if (request.method === "DELETE") {
        const url = request.query.get("url");
        if (!url) return { status: 400, json: { code: "proto.payload", message: "url is required" } };
        return subscriptions.delete(url) ? result(true) : result(false, `No subscription for ${url}`);
      }
      if (request.method !== "POST") {
        return { status: 405, json: { code: "method.not.allowed", message: `${request.method} is not allowed` } };
      }
      const body = (typeof request.body === "object" && request.body !== null ? request.body : {}) as Record<
        string,
        unknown
      >;
      const url = acceptedUrl(body.url);
      if (!url) return { status: 400, json: { code: "proto.payload", message: "url must start with https://" } };
      const secret = body.secret ?? null;
      if (secret !== null && (typeof secret !== "string" || !SECRET.test(secret))) {
        return { status: 400, json: { code: "proto.payload", message: "secret must match ^[a-zA-Z0-9_-]{5,256}$" } };
      }
      const types = body.update_types ?? null;
      if (types !== null && (!Array.isArray(types) || types.some((type) => typeof type !== "string"))) {
        return { status: 400, json: { code: "proto.payload", message: "update_types must be a list of strings" } };
      }
      subscriptions.set(url, { url, time: Date.now(), update_types: types as string[] | null, secret });
      return result(true);
    },
  };
}

export type WebhookHub = ReturnType<typeof createWebhookHub>;
