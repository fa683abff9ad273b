import pg from "pg";
import type { Logger } from "pino";
import { backoffDelay } from "@/lib/retry";

export type ListenConnectionOptions = {
  connectionString: string;
  /** Shown in pg_stat_activity, so the connection can be told apart (and found by tests). */
  applicationName: string;
  channels: string[];
  onNotification: (channel: string, payload: string) => void;
  /**
   * Runs once LISTEN is active, after the first connect and after every reconnect (`reconnected`
   * true): the moment to read what was written while no notification could arrive.
   */
  onListening?: (reconnected: boolean) => Promise<void>;
  log: Logger;
};

export type ListenConnection = {
  /** Resolves when LISTEN is first active. */
  ready: Promise<void>;
  /** A query on the listening connection itself (fails while it is reconnecting). */
  query: <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<Row[]>;
  close: () => Promise<void>;
};

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5_000;
/** A silent network can leave a socket open for minutes: a cheap query notices sooner. */
const PING_INTERVAL_MS = 20_000;

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One dedicated Postgres connection that LISTENs on `channels` and keeps doing so: it reconnects
 * with backoff when the connection drops, and tells the owner when it listens again so that
 * nothing written in between is missed.
 */
export function openListenConnection(options: ListenConnectionOptions): ListenConnection {
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;
  let everListened = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    failures += 1;
    const delay = backoffDelay(failures, FIRST_RETRY_MS, LONGEST_RETRY_MS);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
  };

  const drop = (current: pg.Client, error?: unknown) => {
    if (client !== current) return;
    client = null;
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    if (!closed) options.log.warn({ err: error }, "LISTEN connection lost; reconnecting");
    current.end().catch(() => {});
    scheduleReconnect();
  };

  async function connect(): Promise<void> {
    const current = new pg.Client({
      connectionString: options.connectionString,
      application_name: options.applicationName,
      keepAlive: true,
    });
    current.on("error", (error) => drop(current, error));
    current.on("end", () => drop(current));
    current.on("notification", (message) => options.onNotification(message.channel, message.payload ?? ""));
    try {
      await current.connect();
      for (const channel of options.channels) await current.query(`LISTEN ${quoteIdentifier(channel)}`);
      if (closed) {
        await current.end();
        return;
      }
      client = current;
      pingTimer = setInterval(() => {
        current.query("SELECT 1").catch((error: unknown) => drop(current, error));
      }, PING_INTERVAL_MS);
      pingTimer.unref();
      const reconnected = everListened;
      everListened = true;
      await options.onListening?.(reconnected);
      failures = 0;
      markReady();
    } catch (error) {
      if (client === current) drop(current, error);
      else {
        current.end().catch(() => {});
        if (!closed) options.log.warn({ err: error }, "LISTEN connection failed; retrying");
        scheduleReconnect();
      }
    }
  }

  void connect();

  return {
    ready,
    query: async <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
      if (!client) throw new Error("The LISTEN connection is reconnecting");
      return (await client.query<Row>(text, values)).rows;
    },
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
