/**
 * Advisory lock classes of the sync (the first key of Postgres' two-key advisory locks), so
 * they can never collide with another feature's locks.
 */

/** Held for the session by the one instance that syncs a connection (second key: hashtext of its id). */
export const CONNECTION_SYNC_LOCK = 0x53594e01;
