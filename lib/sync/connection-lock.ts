import pg from "pg";
import type { DbClient } from "@/lib/db";

/**
 * The advisory lock class of the sync (the first key of Postgres' two-key advisory locks, so it
 * never collides with another feature's locks); the second key is hashtext of the connection id.
 */
const CONNECTION_SYNC_LOCK = 0x53594e01;

/**
 * "This instance syncs that connection": a session-level advisory lock held on a Postgres
 * session of its own. If the instance dies, its session ends, the lock is gone, and another
 * instance takes the connection on its next claim round.
 */
export type ConnectionLock = {
  /** Aborts when the session holding the lock broke: the sync must stop at once. */
  lost: AbortSignal;
  /** Whether the session still answers (a silent network loss shows here). */
  alive: () => Promise<boolean>;
  release: () => Promise<void>;
};

/** Whether another session already holds the connection's lock: asked before opening a session for it. */
export async function heldElsewhere(client: DbClient, connectionId: string): Promise<boolean> {
  const [row] = await client.$queryRaw<Array<{ held: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 2
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid = ${CONNECTION_SYNC_LOCK}::int::oid
        AND objid = (hashtext(${connectionId})::bigint & 4294967295)::oid
    ) AS held`;
  return row?.held ?? false;
}

export async function tryLockConnection(databaseUrl: string, connectionId: string): Promise<ConnectionLock | null> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    keepAlive: true,
    application_name: "inbox-sync-lock",
  });
  const controller = new AbortController();
  const lose = () => controller.abort(new Error("The sync lock's database session ended"));
  client.on("error", lose);
  client.on("end", lose);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked",
      [CONNECTION_SYNC_LOCK, connectionId],
    );
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    lost: controller.signal,
    alive: async () => {
      if (controller.signal.aborted) return false;
      try {
        await client.query("SELECT 1");
        return true;
      } catch {
        lose();
        return false;
      }
    },
    release: async () => {
      client.off("end", lose);
      // Ending the session releases the lock with it.
      await client.end().catch(() => undefined);
    },
  };
}
