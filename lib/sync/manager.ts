import { deliverDueWebhooks } from "@/lib/alerts/deliver-webhooks";
import { reconcileAlerts } from "@/lib/alerts/reconcile";
import { componentLogger } from "@/lib/logger";
import { sleep } from "@/lib/retry";
import { hasRuntimeSecretKey, runtimeSecretKey } from "@/lib/runtime";
import { type ConnectionLock, heldElsewhere, tryLockConnection } from "@/lib/sync/connection-lock";
import { type ConnectionRunOptions, runConnection } from "@/lib/sync/connection-runner";
import { DEFAULT_TUNING, type SyncTuning } from "@/lib/sync/tuning";
import { dropWebhooksOfDisabled } from "@/lib/sync/webhooks";

const log = componentLogger("sync");

export type SyncManagerOptions = Pick<ConnectionRunOptions, "prisma" | "instanceId" | "pollIntervalMs" | "appUrl"> & {
  databaseUrl: string;
  /** Tests shrink the waits; production uses the defaults. */
  tuning?: Partial<SyncTuning>;
};

type OwnedConnection = {
  lock: ConnectionLock;
  controller: AbortController;
  done: Promise<void>;
  finished: boolean;
  /** The connection's config_version when its sync started: a new one (token, URL, settings) restarts it. */
  configVersion: number;
};

/**
 * Runs in every app instance: every few seconds it claims the enabled connections nobody is
 * syncing (one Postgres lock each, so exactly one live instance syncs a connection) and syncs
 * them, and lets go of connections that were disabled or whose lock session broke (unsubscribing
 * their webhooks).
 */
export function startSyncManager(options: SyncManagerOptions): { stop: () => Promise<void> } {
  const tuning: SyncTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const { prisma, instanceId } = options;
  const stopping = new AbortController();
  const owned = new Map<string, OwnedConnection>();

  const letGo = async (connectionId: string, entry: OwnedConnection) => {
    entry.controller.abort();
    await entry.done;
    await entry.lock.release();
    owned.delete(connectionId);
  };

  const start = (connectionId: string, lock: ConnectionLock, configVersion: number) => {
    const controller = new AbortController();
    const entry: OwnedConnection = { lock, controller, done: Promise.resolve(), finished: false, configVersion };
    entry.done = runConnection({
      prisma,
      connectionId,
      instanceId,
      pollIntervalMs: options.pollIntervalMs,
      appUrl: options.appUrl,
      tuning,
      signal: AbortSignal.any([controller.signal, lock.lost, stopping.signal]),
    })
      .catch((error: unknown) => log.error({ err: error, connectionId }, "connection sync crashed"))
      .finally(() => {
        entry.finished = true;
      });
    owned.set(connectionId, entry);
    log.info({ connectionId, instanceId }, "syncing connection");
  };

  const claimRound = async () => {
    const enabled = new Map(
      (await prisma.connection.findMany({ where: { enabled: true }, select: { id: true, configVersion: true } })).map(
        (row) => [row.id, row.configVersion],
      ),
    );
    for (const [connectionId, entry] of owned) {
      const changed = enabled.has(connectionId) && enabled.get(connectionId) !== entry.configVersion;
      if (entry.finished || changed || !enabled.has(connectionId) || !(await entry.lock.alive())) {
        await letGo(connectionId, entry);
      }
    }
    // After letting go of them: a disabled or deleted connection must stop receiving webhooks.
    await dropWebhooksOfDisabled(prisma);
    for (const [connectionId, configVersion] of enabled) {
      if (stopping.signal.aborted || owned.has(connectionId)) continue;
      if (await heldElsewhere(prisma, connectionId)) continue;
      const lock = await tryLockConnection(options.databaseUrl, connectionId);
      if (lock) start(connectionId, lock, configVersion);
    }
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await claimRound();
      } catch (error) {
        log.warn({ err: error, instanceId }, "sync claim round failed");
      }
      await sleep(tuning.claimIntervalMs, stopping.signal);
    }
  })();

  // Outage alerts on every instance: the degraded threshold passes without a health write, and a
  // transition missed by a crash is caught here; due alert webhooks are posted (each by one instance).
  const alertLoop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await reconcileAlerts(prisma, { degradedAfterMs: tuning.degradedAlertAfterMs });
        if (hasRuntimeSecretKey()) {
          await deliverDueWebhooks(prisma, {
            secretKey: runtimeSecretKey(),
            attempts: tuning.alertWebhookAttempts,
            retryInitialMs: tuning.alertWebhookRetryInitialMs,
            retryMaxMs: tuning.alertWebhookRetryMaxMs,
            timeoutMs: tuning.alertWebhookTimeoutMs,
            toLocalUrls: tuning.alertWebhooksToLocalUrls,
          });
        }
      } catch (error) {
        log.warn({ err: error, instanceId }, "outage alert round failed");
      }
      await sleep(tuning.alertCheckIntervalMs, stopping.signal);
    }
  })();

  return {
    stop: async () => {
      stopping.abort();
      await loop;
      await alertLoop;
      await Promise.all([...owned].map(([connectionId, entry]) => letGo(connectionId, entry)));
    },
  };
}
