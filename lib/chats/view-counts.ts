import { UNDELIVERED_MESSAGE } from "@/lib/chats/undelivered";
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/** Open chats of one connection in each view, and those of them whose customer waits. */
export type ConnectionViewCounts = {
  open: { mine: number; unassigned: number; all: number };
  needsReply: { mine: number; unassigned: number; all: number };
};

export type ViewCounts = {
  /** Per enabled connection (the list's connection and provider filters add them up in the browser). */
  byConnection: Record<string, ConnectionViewCounts>;
  /** The caller's mentions not yet seen (their Mentions view). */
  mentions: number;
  /** Per enabled connection, its chats with a message that did not reach the customer (Not delivered). */
  undelivered: Record<string, number>;
};

/** The views' counts of open chats from the totals the chats' triggers keep: a few rows per connection, never a count of chats. */
export function viewCountsSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT t.connection_id::text AS "connectionId",
      COALESCE(sum(t.chats) FILTER (WHERE t.assignee_id = ${userId}), 0)::int AS "openMine",
      COALESCE(sum(t.chats) FILTER (WHERE t.assignee_id = ''), 0)::int AS "openUnassigned",
      COALESCE(sum(t.chats), 0)::int AS "openAll",
      COALESCE(sum(t.needs_reply) FILTER (WHERE t.assignee_id = ${userId}), 0)::int AS "waitingMine",
      COALESCE(sum(t.needs_reply) FILTER (WHERE t.assignee_id = ''), 0)::int AS "waitingUnassigned",
      COALESCE(sum(t.needs_reply), 0)::int AS "waitingAll"
    FROM chat_view_totals t
    JOIN connections k ON k.id = t.connection_id AND k.enabled
    WHERE t.inbox_status = 'open'
    GROUP BY t.connection_id`;
}

/** Chats with an undelivered message per enabled connection: read from the small partial index. */
export function undeliveredCountsSql(): Prisma.Sql {
  return Prisma.sql`
    SELECT c.connection_id::text AS "connectionId", count(DISTINCT m.chat_id)::int AS chats
    FROM messages m
    JOIN chats c ON c.id = m.chat_id
    JOIN connections k ON k.id = c.connection_id AND k.enabled
    WHERE m.direction = 'outbound' AND m.delivery_state IN ('failed', 'pending') AND ${UNDELIVERED_MESSAGE}
    GROUP BY c.connection_id`;
}

export function mentionCountSql(userId: string): Prisma.Sql {
  return Prisma.sql`SELECT unseen FROM staff_mention_totals WHERE user_id = ${userId}`;
}

type Row = {
  connectionId: string;
  openMine: number;
  openUnassigned: number;
  openAll: number;
  waitingMine: number;
  waitingUnassigned: number;
  waitingAll: number;
};

export async function viewCounts(client: DbClient, userId: string): Promise<ViewCounts> {
  const [rows, mentions, undelivered] = await Promise.all([
    client.$queryRaw<Row[]>(viewCountsSql(userId)),
    client.$queryRaw<Array<{ unseen: number }>>(mentionCountSql(userId)),
    client.$queryRaw<Array<{ connectionId: string; chats: number }>>(undeliveredCountsSql()),
  ]);
  return {
    byConnection: Object.fromEntries(
      rows.map((row) => [
        row.connectionId,
        {
          open: { mine: row.openMine, unassigned: row.openUnassigned, all: row.openAll },
          needsReply: { mine: row.waitingMine, unassigned: row.waitingUnassigned, all: row.waitingAll },
        },
      ]),
    ),
    mentions: mentions[0]?.unseen ?? 0,
    undelivered: Object.fromEntries(undelivered.map((row) => [row.connectionId, row.chats])),
  };
}
