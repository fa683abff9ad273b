import { BrokenCircuitError } from "cockatiel";
import type { Db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { isProviderError } from "@/lib/providers/errors";
import { providerForConnection } from "@/lib/providers/for-connection";
import { backoffDelay, sleep } from "@/lib/retry";
import { createHealthReporter } from "@/lib/sync/health";
import { runLongPolling } from "@/lib/sync/long-polling";
import { runPollingCycle } from "@/lib/sync/polling-cycle";
import { createProviderCalls } from "@/lib/sync/resilience";
import type { SyncContext } from "@/lib/sync/sync-context";
import type { SyncTuning } from "@/lib/sync/tuning";
import { dropWebhook, runWebhookMode, webhookUrlFor } from "@/lib/sync/webhooks";

const log = componentLogger("sync");

export type ConnectionRunOptions = {
  prisma: Db;
  connectionId: string;
  instanceId: string;
  pollIntervalMs: number;
  /** The inbox's public address (APP_URL): a public https one puts webhook-capable providers in webhook mode. */
  appUrl?: string;
  tuning: SyncTuning;
  signal: AbortSignal;
};

const refusedCredentials = (error: unknown) =>
  isProviderError(error, "unauthorized") || isProviderError(error, "forbidden");

/**
 * Syncs one connection until stopped: by webhook where the provider offers it and the inbox has a
 * public https address, else long polling where the provider has it, otherwise a
 * polling cycle over the chat list every poll interval (measured start to start). A failed cycle is paused on
 * with growing, jittered waits and resumed from the saved cursors; refused credentials wait
 * much longer (asking again at once would only be refused again).
 */
export async function runConnection(options: ConnectionRunOptions): Promise<void> {
  const { prisma, connectionId, tuning, signal } = options;
  const health = createHealthReporter(prisma, connectionId, { degradedAfterMs: tuning.degradedAlertAfterMs });
  const calls = createProviderCalls(tuning, {
    onRetry: (error) => void health.degraded(error),
    onBreak: (error) => void health.down(error),
    onHalfOpen: () => void health.degraded(),
  });
  let failures = 0;
  let refusals = 0;
  try {
    while (!signal.aborted) {
      const cycleStartedAt = Date.now();
      try {
        const provider = await providerForConnection(prisma, connectionId);
        // Each stored page is a sync step that worked: a long first backfill shows "OK" from its first page.
        const madeProgress = () => {
          failures = 0;
          refusals = 0;
          void health.synced();
        };
        const context: SyncContext = { ...options, provider, calls, health, log, madeProgress };
        const webhookUrl = provider.webhooks
          ? webhookUrlFor(
              options.appUrl,
              { id: connectionId, kind: provider.kind },
              {
                onLocalUrls: tuning.webhooksOnLocalUrls,
              },
            )
          : null;
        if (webhookUrl) {
          await runWebhookMode(context, webhookUrl);
        } else if (provider.capabilities.pollUpdates) {
          // A subscription left from an earlier public address would block polling (MAX answers 405).
          await dropWebhook(prisma, connectionId);
          await runLongPolling(context);
        } else {
          const messages = await runPollingCycle(context);
          if (signal.aborted) break;
          await health.synced();
          log.debug({ connectionId, messages, ms: Date.now() - cycleStartedAt }, "poll cycle done");
          await sleep(cycleStartedAt + options.pollIntervalMs - Date.now(), signal);
        }
      } catch (error) {
        if (signal.aborted) break;
        if (refusedCredentials(error)) {
          refusals += 1;
          await health.down(error);
          log.warn({ err: error, connectionId }, "the provider refused our credentials");
          await sleep(backoffDelay(refusals, tuning.authPauseMs, tuning.authMaxPauseMs), signal);
        } else if (error instanceof BrokenCircuitError) {
          // The breaker lets a trial call through by itself once its pause is over.
          await sleep(tuning.breakerHalfOpenAfterMs, signal);
        } else {
          failures += 1;
          await health.degraded(error);
          log.warn({ err: error, connectionId, failures }, "sync cycle failed; resuming from the saved cursor");
          await sleep(backoffDelay(failures, tuning.failurePauseMs, tuning.failureMaxPauseMs), signal);
        }
      }
    }
  } finally {
    calls.dispose();
  }
}
