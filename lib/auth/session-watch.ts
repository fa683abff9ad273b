import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { type ListenConnection, openListenConnection } from "@/lib/events/listen-connection";
import { componentLogger } from "@/lib/logger";
import { dropProcessSingleton, processSingleton } from "@/lib/process-singleton";
import { runtimeDatabaseUrl } from "@/lib/runtime";

const log = componentLogger("sessions");

/** The channel the session and user triggers NOTIFY (migration 20261204200000_session_revocation). */
export const SESSION_CHANNEL = "inbox_sessions";
export const SESSION_LISTENER_APPLICATION_NAME = "inbox-session-revocation";
/**
 * How often open streams' sessions are checked against the table, whatever the notices say: the
 * bound on revocation when a notice is lost (a LISTEN connection that is reconnecting), and what
 * ends a stream whose session simply expires.
 */
export const SWEEP_INTERVAL_MS = 2_000;

export type SessionChange = { sessionId?: string; userId?: string };
type Watcher = { sessionId: string; userId: string; end: () => void };

function parseNotice(text: string): SessionChange | null {
  try {
    const value = JSON.parse(text) as { session?: unknown; user?: unknown };
    const change: SessionChange = {};
    if (typeof value.session === "string") change.sessionId = value.session;
    if (typeof value.user === "string") change.userId = value.user;
    return change.sessionId || change.userId ? change : null;
  } catch {
    return null;
  }
}

export const matches = (change: SessionChange, sessionId: string, userId: string) =>
  change.sessionId === sessionId || (change.sessionId === undefined && change.userId === userId);

/**
 * One per process: a LISTEN connection for session changes made by any instance, the
 * sessions cached on this instance to forget, and the open streams to end.
 */
function createSessionWatch(connectionString: string) {
  const forgetters = new Set<(change: SessionChange | "all") => void>();
  const watchers = new Set<Watcher>();
  /** Bumped on every notice: a session read from the table before it must not be cached after it. */
  let generation = 0;

  /** Sessions named by notices since the last check; checked together on the next turn. */
  let toCheck: Set<string> | null = null;

  const check = async (only?: Set<string>) => {
    const ids = [...new Set([...watchers].map((watcher) => watcher.sessionId))].filter((id) => !only || only.has(id));
    if (ids.length === 0) return;
    const maxAgeDays = env().SESSION_MAX_AGE_DAYS;
    const live = await db().$queryRaw<Array<{ id: string }>>`
      SELECT id FROM sessions
      WHERE id = ANY(${ids}::text[]) AND expires_at > now() AND created_at > now() - make_interval(days => ${maxAgeDays})`;
    const alive = new Set(live.map((row) => row.id));
    for (const watcher of watchers) if (ids.includes(watcher.sessionId) && !alive.has(watcher.sessionId)) watcher.end();
  };

  const apply = (change: SessionChange | "all") => {
    generation += 1;
    for (const forget of forgetters) forget(change);
    // A notice also comes for harmless changes (the sliding expiry moved on): look before ending a stream.
    const named = [...watchers].filter(
      (watcher) => change === "all" || matches(change, watcher.sessionId, watcher.userId),
    );
    if (named.length === 0) return;
    if (toCheck === null) {
      toCheck = new Set();
      setImmediate(() => {
        const batch = toCheck ?? new Set<string>();
        toCheck = null;
        check(batch).catch((error: unknown) => log.warn({ err: error }, "could not check a changed session"));
      });
    }
    for (const watcher of named) toCheck.add(watcher.sessionId);
  };

  const connection: ListenConnection = openListenConnection({
    connectionString,
    applicationName: SESSION_LISTENER_APPLICATION_NAME,
    channels: [SESSION_CHANNEL],
    log,
    onNotification: (_channel, payload) => {
      const change = parseNotice(payload);
      if (change) apply(change);
    },
    // Notices sent while the connection was down are lost: forget every cached session.
    onListening: async (reconnected) => {
      if (reconnected) {
        generation += 1;
        for (const forget of forgetters) forget("all");
      }
    },
  });

  const sweeper = setInterval(() => {
    check().catch((error: unknown) => log.warn({ err: error }, "could not check the sessions of open streams"));
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();

  return {
    generation: () => generation,
    onChange: (forget: (change: SessionChange | "all") => void) => forgetters.add(forget),
    /** An AbortSignal that fires when the session ends; stop watching by aborting `until`. */
    watch: (sessionId: string, userId: string, until: AbortSignal): AbortSignal => {
      const ended = new AbortController();
      const watcher: Watcher = {
        sessionId,
        userId,
        end: () => {
          watchers.delete(watcher);
          ended.abort(new Error("The session has ended"));
        },
      };
      if (until.aborted) return ended.signal;
      watchers.add(watcher);
      until.addEventListener("abort", () => watchers.delete(watcher), { once: true });
      return ended.signal;
    },
    watcherCount: () => watchers.size,
    close: async () => {
      clearInterval(sweeper);
      watchers.clear();
      forgetters.clear();
      await connection.close();
    },
  };
}

type SessionWatch = ReturnType<typeof createSessionWatch>;

const WATCH = "session-watch";

/** One LISTEN connection per process, whichever copy of this module asks (lib/process-singleton.ts). */
export function sessionWatch(): SessionWatch {
  return processSingleton(WATCH, () => createSessionWatch(runtimeDatabaseUrl()));
}

/** Closes the LISTEN connection (tests; the process exit does it otherwise). */
export async function closeSessionWatch(): Promise<void> {
  await dropProcessSingleton<SessionWatch>(WATCH)?.close();
}
