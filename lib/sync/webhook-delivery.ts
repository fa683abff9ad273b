import { createHash, timingSafeEqual } from "node:crypto";
import { unseal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { componentLogger } from "@/lib/logger";
import { providerForConnection } from "@/lib/providers/for-connection";
import type { ProviderKind } from "@/lib/providers/types";
import { runtimeSecretKey } from "@/lib/runtime";
import { applyUpdates } from "@/lib/sync/long-polling";
import { createProviderCalls, UNWATCHED } from "@/lib/sync/resilience";
import { recordSkippedItems } from "@/lib/sync/skipped-items";
import { AGENT_WAITING_TUNING } from "@/lib/sync/tuning";

const log = componentLogger("webhook");

/** Compared as SHA-256 digests, which always have the same length, so neither content nor length leaks. */
function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(expected), digest(given));
}

export type WebhookDelivery = {
  kind: ProviderKind;
  connectionId: string;
  /** The request's headers: the provider's secret header is read from them. */
  headers: Headers;
  body: unknown;
  signal?: AbortSignal;
};

/**
 * One update the provider pushed (docs/providers/max.md "Webhooks"): the connection must be an
 * enabled one of this kind subscribed with a secret (else 404), the secret header must match it
 * (else 401, nothing stored). The update is stored through the same path as long polling, so a
 * redelivery changes nothing; an unreadable one is skipped and counted, and still answered 200,
 * since the provider would otherwise retry it for hours and then drop the subscription.
 */
export async function receiveWebhookDelivery(prisma: Db, delivery: WebhookDelivery): Promise<{ ok: true }> {
  const { kind, connectionId } = delivery;
  const row = await prisma.connection.findFirst({
    where: { id: connectionId, kind, enabled: true, deletedAt: null, webhookSecret: { not: null } },
    select: { webhookSecret: true },
  });
  if (!row?.webhookSecret) throw new AppError("NOT_FOUND", "No webhook is set up for this connection");
  const provider = await providerForConnection(prisma, connectionId);
  const webhooks = provider.webhooks;
  if (!webhooks) throw new AppError("NOT_FOUND", "No webhook is set up for this connection");
  const given = delivery.headers.get(webhooks.secretHeader);
  if (given === null || !sameSecret(unseal(row.webhookSecret, runtimeSecretKey()), given)) {
    throw new AppError("UNAUTHORIZED", "The webhook secret is missing or wrong");
  }
  const signal = delivery.signal ?? new AbortController().signal;
  const calls = createProviderCalls(AGENT_WAITING_TUNING, UNWATCHED);
  try {
    const batch = await webhooks.readDelivery(delivery.body, signal);
    await applyUpdates(
      { prisma, connectionId, instanceId: "webhook", provider, calls, tuning: AGENT_WAITING_TUNING, signal, log },
      batch.updates,
    );
    await recordSkippedItems(prisma, log, connectionId, batch.skipped);
  } finally {
    calls.dispose();
  }
  return { ok: true };
}
