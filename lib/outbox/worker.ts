import type { Db } from "@/lib/db";
import { CHANGE_CHANNEL } from "@/lib/events/listen";
import { type ListenConnection, openListenConnection } from "@/lib/events/listen-connection";
import { componentLogger } from "@/lib/logger";
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from "@/lib/outbox/backoff";
import {
  type ClaimedAction,
  claimDueActions,
  nextDueAt,
  renewLeases,
  retryWaitingActionsNow,
} from "@/lib/outbox/claim";
import { deliverAction } from "@/lib/outbox/deliver";
import { OUTBOX_CHANNEL } from "@/lib/outbox/enqueue";
import { judgeFailure } from "@/lib/outbox/judge-failure";
import { settleDelivered, settleFailed, settleRetry } from "@/lib/outbox/settle";

const log = componentLogger("outbox");

export type OutboxWorkerOptions = {
  prisma: Db;
  instanceId: string;
  /** Where to LISTEN for new actions. Without one the worker only polls. */
  databaseUrl?: string;
  /** How long a claimed action is ours without renewal (renewed while it is being delivered). */
  leaseMs?: number;
  /** The longest idle sleep: a safety net behind the notifications. */
  pollMs?: number;
  /** Actions delivered at the same time (of different chats). */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** How long stop() lets running deliveries finish before aborting them. */
  stopGraceMs?: number;
};

export const UNCONFIRMED_SEND_ERROR =
  "Not confirmed: the provider did not answer in time and cannot be asked whether the message arrived. " +
  "Check the chat before you send it again.";

/** A settling write that keeps failing (database trouble) is tried this many times. */
const SETTLE_ATTEMPTS = 3;
/** The shortest idle sleep, for a due row another worker is claiming right now. */
const MIN_IDLE_MS = 50;

type Running = { action: ClaimedAction; controller: AbortController; done: Promise<void> };

function connectionHealthNotice(payload: string): string | null {
  try {
    const notice = JSON.parse(payload) as { type?: unknown; payload?: { connectionId?: unknown } };
    const connectionId = notice.payload?.connectionId;
    return notice.type === "connection.changed" && typeof connectionId === "string" ? connectionId : null;
  } catch {
    return null;
  }
}

/**
 * Delivers queued staff actions to the providers; every instance runs one. Rows are claimed
 * with SKIP LOCKED under a renewed lease, so two workers never hold the same action and a dead
 * instance's actions are taken over when its lease runs out. Retryable failures wait with
 * exponential backoff for as long as the provider is down; refusals fail with the provider's
 * words. A send whose earlier attempt may have arrived unseen is looked up at the provider
 * before it is sent again (lib/outbox/find-unseen-send.ts).
 */
export function startOutboxWorker(options: OutboxWorkerOptions): { stop: () => Promise<void> } {
  const { prisma, instanceId } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 2_000;
  const concurrency = options.concurrency ?? 4;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const running = new Map<number, Running>();
  let stopping = false;
  let wakeRequested = false;
  let interruptSleep: () => void = () => {};

  const wake = () => {
    wakeRequested = true;
    interruptSleep();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakeRequested) return resolve();
      const finish = () => {
        clearTimeout(timer);
        interruptSleep = () => {};
        resolve();
      };
      const timer = setTimeout(finish, ms);
      interruptSleep = finish;
    });

  async function settleSuccess(action: ClaimedAction, sent: Parameters<typeof settleDelivered>[3]) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (!(await settleDelivered(prisma, action, instanceId, sent))) {
          log.warn({ actionId: action.id }, "delivered, but the lease was lost meanwhile; the new holder will see it");
        }
        return;
      } catch (error) {
        if (attempt < SETTLE_ATTEMPTS) continue;
        // The provider has it but we could not record that: the next attempt must find it, not resend it.
        log.error({ err: error, actionId: action.id }, "could not record a delivered action");
        await settleRetry(prisma, action, instanceId, { delayMs: 0, reason: String(error), mayHaveArrived: true });
        return;
      }
    }
  }

  async function deliver(action: ClaimedAction, signal: AbortSignal): Promise<void> {
    let result: Awaited<ReturnType<typeof deliverAction>>;
    try {
      result = await deliverAction(prisma, action, signal);
    } catch (error) {
      if (signal.aborted) {
        // Stopping (or the lease is gone, and then this write changes nothing): back to the queue.
        await settleRetry(prisma, action, instanceId, { delayMs: 0, reason: "interrupted", mayHaveArrived: true });
        return;
      }
      const verdict = judgeFailure(error);
      if (verdict.decision === "fail") {
        log.warn({ actionId: action.id, kind: action.kind, reason: verdict.reason }, "the provider refused an action");
        await settleFailed(prisma, action, instanceId, verdict.reason);
        return;
      }
      const delayMs = retryDelayMs(backoff, {
        attempts: action.attempts,
        retryAfterMs: verdict.retryAfterMs,
        doubtful: verdict.mayHaveArrived && action.kind === "send_message",
      });
      log.info(
        { actionId: action.id, kind: action.kind, attempts: action.attempts, delayMs, reason: verdict.reason },
        "delivery failed; will retry",
      );
      await settleRetry(prisma, action, instanceId, {
        delayMs,
        reason: verdict.reason,
        mayHaveArrived: verdict.mayHaveArrived,
      });
      return;
    }
    if (result.kind === "unconfirmed") {
      await settleFailed(prisma, action, instanceId, UNCONFIRMED_SEND_ERROR);
      return;
    }
    await settleSuccess(action, result.kind === "sent" ? { message: result.message } : null);
  }

  const start = (action: ClaimedAction) => {
    const controller = new AbortController();
    const done = deliver(action, controller.signal)
      .catch((error: unknown) => {
        // Left in flight: the lease runs out and the action is taken again.
        log.error({ err: error, actionId: action.id }, "could not settle an outbox action");
      })
      .finally(() => {
        running.delete(action.id);
        wake();
      });
    running.set(action.id, { action, controller, done });
  };

  async function loop() {
    while (!stopping) {
      wakeRequested = false;
      try {
        const free = concurrency - running.size;
        const claimed = await claimDueActions(prisma, { instanceId, leaseMs, limit: free });
        for (const action of claimed) start(action);
        if (stopping || (claimed.length > 0 && claimed.length === free) || wakeRequested) continue;
        const due = running.size >= concurrency ? null : await nextDueAt(prisma);
        const untilDue = due === null ? pollMs : due.getTime() - Date.now();
        await sleep(Math.min(pollMs, Math.max(MIN_IDLE_MS, untilDue)));
      } catch (error) {
        log.warn({ err: error }, "the outbox could not reach the database; trying again");
        await sleep(pollMs);
      }
    }
  }

  const renewTimer = setInterval(() => {
    const ids = [...running.keys()];
    renewLeases(prisma, { instanceId, leaseMs, ids })
      .then((held) => {
        for (const id of ids) {
          if (held.has(id)) continue;
          log.warn({ actionId: id }, "lost the lease on an action; abandoning it");
          running.get(id)?.controller.abort(new Error("The lease on this action was lost"));
        }
      })
      .catch((error: unknown) => log.warn({ err: error }, "could not renew outbox leases"));
  }, leaseMs / 3);

  const databaseUrl = options.databaseUrl;
  const listener: ListenConnection | null = databaseUrl
    ? openListenConnection({
        connectionString: databaseUrl,
        applicationName: "inbox-outbox",
        channels: [OUTBOX_CHANNEL, CHANGE_CHANNEL],
        log,
        onNotification: (channel, payload) => {
          if (channel === OUTBOX_CHANNEL) return wake();
          const recovered = connectionHealthNotice(payload);
          if (!recovered) return;
          retryWaitingActionsNow(prisma, recovered)
            .then((count) => {
              if (count > 0) wake();
            })
            .catch((error: unknown) => log.warn({ err: error }, "could not bring retries forward"));
        },
        // Whatever was queued while the connection was down is due now.
        onListening: async () => wake(),
      })
    : null;

  const looping = loop();

  return {
    stop: async () => {
      stopping = true;
      wake();
      clearInterval(renewTimer);
      await listener?.close();
      await looping;
      const finishing = Promise.all([...running.values()].map((entry) => entry.done));
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, options.stopGraceMs ?? 5_000);
      });
      await Promise.race([finishing, grace]);
      clearTimeout(graceTimer);
      for (const entry of running.values()) entry.controller.abort(new Error("The outbox worker is stopping"));
      await Promise.all([...running.values()].map((entry) => entry.done));
    },
  };
}
