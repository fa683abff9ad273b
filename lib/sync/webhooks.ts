/**
 * Webhook mode (MAX, docs/providers/max.md "Webhooks"): when the inbox has a public https address,
 * the provider is asked to POST every update to `/api/webhooks/<kind>/<connectionId>` with a
 * random secret, instead of being long-polled (the two exclude each other; MAX documents long
 * polling as for development). Local installs keep long polling.
 */

import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { seal, unseal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { isPublicAddress } from "@/lib/media/address-policy";
import { providerForConnection } from "@/lib/providers/for-connection";
import type { ProviderKind } from "@/lib/providers/types";
import { sleep } from "@/lib/retry";
import { runtimeSecretKey } from "@/lib/runtime";
import type { SyncContext } from "@/lib/sync/sync-context";
import { markBackfillDone } from "@/lib/sync/sync-cursor";

const log = componentLogger("sync");

/**
 * MAX delivers only to https on port 443 with a trusted certificate (docs/providers/max.md
 * "Webhooks"): so an address with a port, plain http, `localhost` or a private or loopback IP
 * can never receive, and the connection long-polls instead.
 */
export function isPublicHttpsUrl(appUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || (url.port !== "" && url.port !== "443")) return false;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return false;
  // A single-label name (`inbox`) resolves only inside a private network.
  if (!host.includes(".") && isIP(host) === 0) return false;
  const family = isIP(host);
  if (family === 0) return true;
  return isPublicAddress(host);
}

/**
 * Where a connection's provider should deliver, or null to long-poll. `onLocalUrls` is for tests
 * (they may reach loopback only); production passes false.
 */
export function webhookUrlFor(
  appUrl: string | undefined,
  connection: { id: string; kind: ProviderKind },
  options: { onLocalUrls: boolean },
): string | null {
  if (!appUrl) return null;
  if (!options.onLocalUrls && !isPublicHttpsUrl(appUrl)) return null;
  return new URL(`/api/webhooks/${connection.kind}/${connection.id}`, appUrl).toString();
}

/**
 * 64 hex characters: within every reading of MAX's secret rule (`^[a-zA-Z0-9_-]{5,256}$`, prose
 * "A-Z, a-z, 0-9 and hyphen").
 */
function newSecret(): string {
  return randomBytes(32).toString("hex");
}

/** The connection's webhook secret, made and stored sealed the first time. */
async function secretFor(prisma: Db, connectionId: string, url: string): Promise<string> {
  const row = await prisma.connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { webhookSecret: true },
  });
  if (row.webhookSecret) {
    await prisma.connection.update({ where: { id: connectionId }, data: { webhookUrl: url } });
    return unseal(row.webhookSecret, runtimeSecretKey());
  }
  const secret = newSecret();
  // Stored before subscribing, so the first delivery already finds it.
  await prisma.connection.update({
    where: { id: connectionId },
    data: { webhookUrl: url, webhookSecret: seal(secret, runtimeSecretKey()) },
  });
  return secret;
}

/**
 * Subscribes and then stays: every claim interval it checks that the configuration is unchanged
 * (a new token or address restarts the runner) and every `webhookCheckMs` that the provider still
 * delivers to us (MAX unsubscribes a bot after 8 hours of failed deliveries), subscribing again if not.
 */
export async function runWebhookMode(context: SyncContext, url: string): Promise<void> {
  const webhooks = context.provider.webhooks;
  if (!webhooks) return;
  const { prisma, connectionId, calls, signal } = context;
  const stored = await prisma.connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { webhookUrl: true },
  });
  if (stored.webhookUrl && stored.webhookUrl !== url) await dropWebhook(prisma, connectionId);
  const secret = await secretFor(prisma, connectionId, url);
  await calls.call((callSignal) => webhooks.subscribe(url, secret, callSignal), signal);
  // Nothing to backfill: the provider sends what happens from now on.
  await markBackfillDone(prisma, connectionId);
  await context.health.synced();
  context.madeProgress();
  context.log.info({ connectionId, url }, "receiving updates by webhook");
  let checkedAt = Date.now();
  while (!signal.aborted && (await providerForConnection(prisma, connectionId)) === context.provider) {
    await sleep(context.tuning.claimIntervalMs, signal);
    if (signal.aborted || Date.now() - checkedAt < context.tuning.webhookCheckMs) continue;
    checkedAt = Date.now();
    const urls = await calls.call((callSignal) => webhooks.subscribedUrls(callSignal), signal);
    if (!urls.includes(url)) {
      context.log.warn({ connectionId, url }, "the provider dropped our webhook; subscribing again");
      await calls.call((callSignal) => webhooks.subscribe(url, secret, callSignal), signal);
    }
    await context.health.synced();
  }
}

/**
 * Asks the provider to stop delivering to the connection's webhook and forgets it (URL and
 * secret). Nothing to do when the connection has none. A provider that no longer lists the URL
 * counts as unsubscribed, so two instances doing this at once both succeed.
 */
export async function dropWebhook(prisma: Db, connectionId: string): Promise<void> {
  const row = await prisma.connection.findUnique({ where: { id: connectionId }, select: { webhookUrl: true } });
  const url = row?.webhookUrl;
  if (!url) return;
  const webhooks = (await providerForConnection(prisma, connectionId)).webhooks;
  if (webhooks) {
    try {
      await webhooks.unsubscribe(url);
    } catch (error) {
      if ((await webhooks.subscribedUrls()).includes(url)) throw error;
    }
  }
  await prisma.connection.updateMany({
    where: { id: connectionId, webhookUrl: url },
    data: { webhookUrl: null, webhookSecret: null },
  });
  log.info({ connectionId, url }, "webhook unsubscribed");
}

/** Disabled or deleted connections still subscribed: unsubscribed here (a failure is tried again next round). */
export async function dropWebhooksOfDisabled(prisma: Db): Promise<void> {
  const rows = await prisma.connection.findMany({
    where: { enabled: false, webhookUrl: { not: null } },
    select: { id: true },
  });
  for (const { id } of rows) {
    try {
      await dropWebhook(prisma, id);
    } catch (error) {
      log.warn({ err: error, connectionId: id }, "could not unsubscribe the webhook of a disabled connection");
    }
  }
}
