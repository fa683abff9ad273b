import type { DbTransaction } from "@/lib/db";

/**
 * A connection's first sync must not turn years of history into unread chats: while its
 * initial backfill runs, a chat whose newest message is more than a day old counts as seen up
 * to that message. Newer messages, and everything after the backfill, count as usual.
 */
export async function settleOldHistory(tx: DbTransaction, chatIds: number[]): Promise<void> {
  if (chatIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE chats c SET agent_last_seen_at = c.last_message_at
    FROM connections k
    WHERE c.id = ANY(${chatIds}::int[])
      AND k.id = c.connection_id AND k.backfill_done_at IS NULL
      AND c.last_message_at < now() - interval '24 hours'
      AND (c.agent_last_seen_at IS NULL OR c.agent_last_seen_at < c.last_message_at)`;
}
