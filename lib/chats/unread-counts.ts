import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

export type UnreadCounts = {
  /** Unread messages over every enabled connection (the tab title shows it). */
  total: number;
  /** Chats with anything unread. */
  chats: number;
  byConnection: Record<string, { unread: number; chats: number }>;
};

/** The totals the chats' triggers keep, one row per enabled connection. */
export function unreadCountsSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT t.connection_id AS "connectionId", t.unread, t.chats
    FROM connection_unread_totals t
    JOIN connections k ON k.id = t.connection_id AND k.enabled
    WHERE t.chats > 0`;
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
