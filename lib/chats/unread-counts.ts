import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

export type UnreadCounts = {
  /** Unread messages over every enabled connection (the tab title shows it). */
  total: number;
  /** Chats with anything unread. */
  chats: number;
  byConnection: Record<string, { unread: number; chats: number }>;
};

/** Sums the stored per-chat counts of unread chats only (a partial index holds exactly those rows). */
export function unreadCountsSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT c.connection_id AS "connectionId", sum(c.unread_count)::int AS unread, count(*)::int AS chats
    FROM chats c
    WHERE c.unread_count > 0 AND c.connection_id IN (SELECT id FROM connections WHERE enabled)
    GROUP BY c.connection_id`;
}

export async function unreadCounts(client: DbClient): Promise<UnreadCounts> {
  const rows = await client.$queryRaw<Array<{ connectionId: string; unread: number; chats: number }>>(
    unreadCountsSql(),
  );
  const byConnection = Object.fromEntries(
    rows.map((row) => [row.connectionId, { unread: row.unread, chats: row.chats }]),
  );
  return {
    total: rows.reduce((sum, row) => sum + row.unread, 0),
    chats: rows.reduce((sum, row) => sum + row.chats, 0),
    byConnection,
  };
}
