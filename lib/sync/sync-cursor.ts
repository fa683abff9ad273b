import { z } from "zod";
import type { DbClient } from "@/lib/db";

/**
 * Where a connection's sync resumes after a restart (`connections.sync_cursor`):
 * - `chatPage`: the next page of the chat list in the polling cycle under way (null: start from the first);
 * - `updatesMarker`: the long-polling marker after the last update stored (MAX);
 * - `recentChats`: where the provider's bounded per-cycle walk goes on (`ChatProvider.recentChats`).
 */
const ZSyncCursor = z.object({
  chatPage: z.string().nullable().default(null),
  updatesMarker: z.string().nullable().default(null),
  recentChats: z.string().nullable().default(null),
});
export type SyncCursor = z.infer<typeof ZSyncCursor>;

const EMPTY: SyncCursor = { chatPage: null, updatesMarker: null, recentChats: null };

export async function readSyncCursor(client: DbClient, connectionId: string): Promise<SyncCursor> {
  const [row] = await client.$queryRaw<Array<{ cursor: unknown }>>`
    SELECT sync_cursor AS cursor FROM connections WHERE id = ${connectionId}::uuid`;
  const parsed = ZSyncCursor.safeParse(row?.cursor ?? {});
  // An unreadable cursor (an older format) only costs a polling cycle from the first page.
  return parsed.success ? parsed.data : EMPTY;
}

/** Merges `change` into the stored cursor (without touching the connection's `updated_at`). */
export async function writeSyncCursor(client: DbClient, connectionId: string, change: Partial<SyncCursor>) {
  await client.$executeRaw`
    UPDATE connections SET sync_cursor = COALESCE(sync_cursor, '{}'::jsonb) || ${JSON.stringify(change)}::jsonb
    WHERE id = ${connectionId}::uuid`;
}

/** The connection's first full sync is over: from now on, chats first seen are new chats. */
export async function markBackfillDone(client: DbClient, connectionId: string): Promise<void> {
  await client.$executeRaw`
    UPDATE connections SET backfill_done_at = now() WHERE id = ${connectionId}::uuid AND backfill_done_at IS NULL`;
}
