import type { DbClient } from "@/lib/db";
import {
  type ChangeBatch,
  type ChangeSubscription,
  type PresenceSubscriber,
  subscribeToChanges,
  subscribeToPresence,
} from "@/lib/events/listen";
import { planReplay } from "@/lib/events/replay";
import type { DeliveredChangeEvent } from "@/lib/events/types";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("events");

export const HEARTBEAT_MS = 15_000;
/** How long EventSource waits before reconnecting after the stream ends. */
export const RECONNECT_HINT_MS = 2_000;
/**
 * Chunks a client may leave unread before we drop it: it reconnects with its Last-Event-ID and
 * gets the rest from the table, instead of this process buffering without end.
 */
const MAX_UNREAD_CHUNKS = 2_000;

const encoder = new TextEncoder();

function frame(events: DeliveredChangeEvent[], cursor: bigint): Uint8Array {
  return encoder.encode(events.map((event) => `id: ${cursor}\ndata: ${JSON.stringify(event)}\n\n`).join(""));
}

/** Presence as its own event type, without an id: it never moves the client's resume point. */
const presenceFrame: (notice: Parameters<PresenceSubscriber>[0]) => Uint8Array = (notice) =>
  encoder.encode(`event: presence\ndata: ${JSON.stringify(notice === "resync" ? { type: "resync" } : notice)}\n\n`);

export type ChangeStreamOptions = {
  db: DbClient;
  /** From the Last-Event-ID header or the `lastEventId` query parameter; null for a fresh start. */
  lastEventId: string | null;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
};

/**
 * The text/event-stream body of /api/events: first what the client missed since `lastEventId`
 * (or a `resync` event when that cannot be replayed), then every change as it commits, with a
 * comment line as heartbeat so proxies and dead sockets are noticed.
 *
 * Each event's `id:` is the resume point (every event up to it was sent), which can trail the
 * event's own id (in `data`) when transactions commit out of id order; resuming from it may
 * repeat an event but never skips one.
 */
export function createChangeStream(options: ChangeStreamOptions): ReadableStream<Uint8Array> {
  let subscription: ChangeSubscription | null = null;
  let unsubscribePresence: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let finished = false;
  const resumedFrom =
    options.lastEventId !== null && /^\d{1,19}$/.test(options.lastEventId) ? BigInt(options.lastEventId) : 0n;

  const cleanUp = () => {
    if (finished) return;
    finished = true;
    subscription?.unsubscribe();
    unsubscribePresence?.();
    if (heartbeat) clearInterval(heartbeat);
    options.signal.removeEventListener("abort", cleanUp);
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        if (finished) return;
        if ((controller.desiredSize ?? 0) < -MAX_UNREAD_CHUNKS) {
          log.warn("a live-update client stopped reading; closing its stream so it resumes");
          cleanUp();
          controller.close();
          return;
        }
        controller.enqueue(chunk);
      };
      // The client already holds everything up to the id it resumed from.
      const cursorFor = (cursor: bigint) => (cursor > resumedFrom ? cursor : resumedFrom);
      // Ids sent by the replay: their notices can still arrive just after it.
      let replayed: Set<string> | null = null;
      const sendBatch = (batch: ChangeBatch) => {
        const fresh = replayed?.size ? batch.events.filter((event) => !replayed?.has(event.id)) : batch.events;
        if (fresh.length > 0) send(frame(fresh, cursorFor(batch.cursor)));
      };

      options.signal.addEventListener("abort", cleanUp);
      if (options.signal.aborted) return cleanUp();

      const waiting: ChangeBatch[] = [];
      const start = async () => {
        // Subscribe before reading the table, so an event committed in between is not lost.
        subscription = await subscribeToChanges((batch) => {
          if (replayed === null) waiting.push(batch);
          else sendBatch(batch);
        });
        if (finished) return subscription.unsubscribe();
        const presence = await subscribeToPresence((notice) => send(presenceFrame(notice)));
        if (finished) return presence();
        unsubscribePresence = presence;
        const { cursor } = subscription;
        // The first bytes mean "live from here". A fresh client also gets the resume point now
        // (an id without data sets EventSource's last id silently), so that even a reconnect
        // before its first event misses nothing.
        const resumePoint = options.lastEventId === null ? `id: ${cursor}\n` : "";
        send(encoder.encode(`retry: ${RECONNECT_HINT_MS}\n${resumePoint}\n`));
        heartbeat = setInterval(() => send(encoder.encode(": heartbeat\n\n")), options.heartbeatMs ?? HEARTBEAT_MS);
        const plan = await planReplay(options.db, options.lastEventId);
        if (plan.kind === "resync") send(frame([{ type: "resync", id: String(cursor) }], cursor));
        else {
          for (const event of plan.events) {
            const id = BigInt(event.id);
            send(frame([event], cursorFor(id < cursor ? id : cursor)));
          }
        }
        replayed = new Set(plan.kind === "events" ? plan.events.map((event) => event.id) : []);
        for (const batch of waiting.splice(0)) sendBatch(batch);
      };
      start().catch((error: unknown) => {
        log.error({ err: error }, "could not start a live-update stream");
        if (finished) return;
        cleanUp();
        controller.error(error);
      });
    },
    cancel: cleanUp,
  });
}
