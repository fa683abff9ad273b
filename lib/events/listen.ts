import { toDeliveredEvent } from "@/lib/events/delivered-event";
import { type ListenConnection, openListenConnection } from "@/lib/events/listen-connection";
import {
  type DeliveredChangeEvent,
  PRESENCE_CHANNEL,
  type PresenceNotice,
  presenceNoticeSchema,
} from "@/lib/events/types";
import { componentLogger } from "@/lib/logger";
import { dropProcessSingleton, existingProcessSingleton, processSingleton } from "@/lib/process-singleton";
import { runtimeDatabaseUrl } from "@/lib/runtime";

const log = componentLogger("events");

/** The channel the change_events trigger NOTIFYs (see the init migration). */
export const CHANGE_CHANNEL = "inbox_events";
export const LISTENER_APPLICATION_NAME = "inbox-live-updates";

export type ChangeBatch = {
  events: DeliveredChangeEvent[];
  /**
   * The resume point after this batch: every event with an id up to it has reached the
   * subscribers. Transactions commit out of id order, so it can trail the newest id.
   */
  cursor: bigint;
};

export type ChangeSubscriber = (batch: ChangeBatch) => void;

/** A presence change, or "resync": notices may have been missed (the connection was lost), read presence afresh. */
export type PresenceSubscriber = (notice: PresenceNotice | "resync") => void;

export type ChangeSubscription = {
  /** The resume point at the moment of subscribing. */
  cursor: bigint;
  unsubscribe: () => void;
};

const READY_TIMEOUT_MS = 10_000;
/**
 * How long a hole in the ids may hold the resume point back. A hole is a transaction that took
 * its id and has not committed yet, or one that rolled back (and never will).
 */
const GAP_TIMEOUT_MS = 5_000;
/** Ids delivered lately, so an event read again after a reconnect is not sent twice. */
const REMEMBERED_IDS = 20_000;
/** After an outage longer than this many events, subscribers are told to refetch everything. */
const CATCH_UP_LIMIT = 5_000;

type StoredRow = { id: string; type: string; payload: unknown };

type Notice = { id: bigint; type?: string; payload?: unknown };

function parseNotice(text: string): Notice | null {
  try {
    const value = JSON.parse(text) as { id?: unknown; type?: unknown; payload?: unknown };
    if (typeof value.id !== "string" || !/^\d+$/.test(value.id)) return null;
    return typeof value.type === "string"
      ? { id: BigInt(value.id), type: value.type, payload: value.payload }
      : { id: BigInt(value.id) };
  } catch {
    return null;
  }
}

/**
 * The process's one LISTEN connection on `inbox_events`, shared by every live-update stream:
 * it fans each committed change out to all subscribers, and after a lost connection re-reads
 * the change_events rows it missed, so no subscriber misses an event.
 */
function createChangeHub(connectionString: string) {
  const subscribers = new Set<ChangeSubscriber>();
  const presenceSubscribers = new Set<PresenceSubscriber>();
  const delivered = new Set<bigint>();
  const deliveredAboveCursor = new Set<bigint>();
  let cursor = 0n;
  let gapSince: number | null = null;
  let incoming: string[] = [];
  let flushScheduled = false;
  let work: Promise<void> = Promise.resolve();

  const publish = (events: DeliveredChangeEvent[]) => {
    const batch: ChangeBatch = { events, cursor };
    for (const subscriber of subscribers) {
      try {
        subscriber(batch);
      } catch (error) {
        log.error({ err: error }, "a live-update subscriber failed");
      }
    }
  };

  const publishPresence = (notice: PresenceNotice | "resync") => {
    for (const subscriber of presenceSubscribers) {
      try {
        subscriber(notice);
      } catch (error) {
        log.error({ err: error }, "a presence subscriber failed");
      }
    }
  };

  const receivePresence = (payload: string) => {
    let value: unknown;
    try {
      value = JSON.parse(payload);
    } catch {
      return;
    }
    const notice = presenceNoticeSchema.safeParse(value);
    if (notice.success) publishPresence(notice.data);
  };

  const advanceCursor = () => {
    const before = cursor;
    while (deliveredAboveCursor.delete(cursor + 1n)) cursor += 1n;
    // The wait for a hole starts when it becomes the lowest one.
    if (deliveredAboveCursor.size === 0) gapSince = null;
    else if (gapSince === null || cursor !== before) gapSince = Date.now();
  };

  /** Moves the resume point forward to `value` (never back), forgetting the holes below it. */
  const raiseCursor = (value: bigint) => {
    if (value > cursor) cursor = value;
    for (const id of deliveredAboveCursor) if (id <= cursor) deliveredAboveCursor.delete(id);
    gapSince = null;
    advanceCursor();
  };

  const remember = (id: bigint): boolean => {
    if (delivered.has(id)) return false;
    delivered.add(id);
    if (delivered.size > REMEMBERED_IDS) {
      const oldest = delivered.values().next();
      if (!oldest.done) delivered.delete(oldest.value);
    }
    if (id > cursor) deliveredAboveCursor.add(id);
    return true;
  };

  const deliverRows = (rows: Array<{ id: bigint; type: string; payload: unknown }>) => {
    const events: DeliveredChangeEvent[] = [];
    for (const row of rows) {
      if (!remember(row.id)) continue;
      const event = toDeliveredEvent(row.id, row.type, row.payload);
      if (event) events.push(event);
      else log.warn({ id: String(row.id), type: row.type }, "skipped a change event of an unknown type");
    }
    advanceCursor();
    if (events.length > 0) publish(events);
  };

  const readRows = async (ids: bigint[]): Promise<Map<bigint, StoredRow>> => {
    if (ids.length === 0) return new Map();
    const rows = await connection.query<StoredRow>(
      "SELECT id::text AS id, type, payload FROM change_events WHERE id = ANY($1::bigint[])",
      [ids.map(String)],
    );
    return new Map(rows.map((row) => [BigInt(row.id), row]));
  };

  const processNotices = async (texts: string[]) => {
    const notices = texts.map(parseNotice).filter((notice): notice is Notice => notice !== null);
    // NOTIFY carries only the id of an event too large for its payload: read those rows. If that
    // fails the connection is likely gone, and the catch-up after reconnecting delivers them.
    const fetched = await readRows(
      notices.filter((notice) => notice.type === undefined).map((notice) => notice.id),
    ).catch((error: unknown) => {
      log.warn({ err: error }, "could not read large change events");
      return new Map<bigint, StoredRow>();
    });
    deliverRows(
      notices.flatMap((notice) => {
        if (notice.type !== undefined) return [{ id: notice.id, type: notice.type, payload: notice.payload }];
        const row = fetched.get(notice.id);
        return row ? [{ id: notice.id, type: row.type, payload: row.payload }] : [];
      }),
    );
  };

  const latestId = async (): Promise<bigint> => {
    const [latest] = await connection.query<{ max: string | null }>("SELECT max(id)::text AS max FROM change_events");
    return BigInt(latest?.max ?? "0");
  };

  const catchUp = async () => {
    const rows = await connection.query<StoredRow>(
      "SELECT id::text AS id, type, payload FROM change_events WHERE id > $1 ORDER BY id LIMIT $2",
      [String(cursor), CATCH_UP_LIMIT + 1],
    );
    if (rows.length > CATCH_UP_LIMIT) {
      raiseCursor(await latestId());
      log.warn("missed too many events while reconnecting; asking every client to refetch");
      publish([{ type: "resync", id: String(cursor) }]);
      return;
    }
    deliverRows(rows.map((row) => ({ id: BigInt(row.id), type: row.type, payload: row.payload })));
  };

  /** Notices and catch-up reads take turns, so subscribers see batches in the order they came. */
  const runSerially = (task: () => Promise<void>): Promise<void> => {
    const result = work.then(task);
    work = result.catch((error: unknown) => log.error({ err: error }, "live-update delivery failed"));
    return result;
  };

  const flush = () => {
    flushScheduled = false;
    const texts = incoming;
    incoming = [];
    // A failure is logged by runSerially; the next notice starts afresh.
    runSerially(() => processNotices(texts)).catch(() => {});
  };

  const connection: ListenConnection = openListenConnection({
    connectionString,
    applicationName: LISTENER_APPLICATION_NAME,
    channels: [CHANGE_CHANNEL, PRESENCE_CHANNEL],
    log,
    onNotification: (channel, payload) => {
      if (channel === PRESENCE_CHANNEL) return receivePresence(payload);
      incoming.push(payload);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    onListening: async (reconnected) => {
      // Presence is not stored as events: after an outage, browsers read it afresh.
      if (reconnected) publishPresence("resync");
      // First time: what is already stored is history the clients read on their own.
      await runSerially(async () => (reconnected ? catchUp() : raiseCursor(await latestId())));
    },
  });

  // A hole that stays open is a rolled-back (or very slow) transaction: stop waiting for it.
  const gapTimer = setInterval(() => {
    if (gapSince === null || Date.now() - gapSince < GAP_TIMEOUT_MS) return;
    let lowest: bigint | null = null;
    for (const id of deliveredAboveCursor) if (lowest === null || id < lowest) lowest = id;
    if (lowest !== null) raiseCursor(lowest - 1n);
  }, 1_000);
  gapTimer.unref();

  const listening = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("Live updates are unavailable: no database connection")),
        READY_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([connection.ready, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    subscribe: async (subscriber: ChangeSubscriber): Promise<ChangeSubscription> => {
      await listening();
      subscribers.add(subscriber);
      return { cursor, unsubscribe: () => subscribers.delete(subscriber) };
    },
    subscribePresence: async (subscriber: PresenceSubscriber): Promise<() => void> => {
      await listening();
      presenceSubscribers.add(subscriber);
      return () => presenceSubscribers.delete(subscriber);
    },
    subscriberCount: () => subscribers.size,
    close: async () => {
      clearInterval(gapTimer);
      subscribers.clear();
      presenceSubscribers.clear();
      await connection.close();
    },
  };
}

type ChangeHub = ReturnType<typeof createChangeHub>;

const HUB = "change-hub";

/** One LISTEN connection per process, whichever copy of this module a stream runs in. */
function changeHub(): ChangeHub {
  return processSingleton(HUB, () => createChangeHub(runtimeDatabaseUrl()));
}

/** Receives every change committed by any app instance from now on, in batches. */
export function subscribeToChanges(subscriber: ChangeSubscriber): Promise<ChangeSubscription> {
  return changeHub().subscribe(subscriber);
}

/** Receives every presence change on any app instance from now on; returns the unsubscribe. */
export function subscribeToPresence(subscriber: PresenceSubscriber): Promise<() => void> {
  return changeHub().subscribePresence(subscriber);
}

/** How many live-update streams this process is feeding (for logs and tests). */
export function liveSubscriberCount(): number {
  return existingProcessSingleton<ChangeHub>(HUB)?.subscriberCount() ?? 0;
}

/** Closes the shared LISTEN connection (tests; the process exit does it otherwise). */
export async function closeChangeListener(): Promise<void> {
  await dropProcessSingleton<ChangeHub>(HUB)?.close();
}
