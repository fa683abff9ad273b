import type { DbClient } from "@/lib/db";

/** A reply another agent sent while this one was typing, as the composer's warning shows it. */
export type CollidingReply = { id: number; authorName: string | null; text: string | null; createdAt: string };

/**
 * Replies to the customer by anyone but `userId` that came after the agent's thread last showed
 * message `seenMessageId` (newer in id and in time: history loaded since then is older and does
 * not count). Notes and system events are no replies.
 */
export async function repliesSinceTyping(
  client: DbClient,
  { chatId, userId, seenMessageId }: { chatId: number; userId: string; seenMessageId: number },
): Promise<CollidingReply[]> {
  const rows = await client.$queryRaw<Array<Omit<CollidingReply, "createdAt"> & { createdAt: Date }>>`
    SELECT m.id, m.author_name AS "authorName", m.text, m.created_at AS "createdAt"
    FROM messages m
    WHERE m.chat_id = ${chatId} AND m.direction = 'outbound' AND m.id > ${seenMessageId}
      AND m.sent_by_id IS DISTINCT FROM ${userId}
      AND m.created_at > COALESCE(
        (SELECT s.created_at FROM messages s WHERE s.id = ${seenMessageId} AND s.chat_id = ${chatId}), '-infinity')
    ORDER BY m.created_at, m.id
    LIMIT 5`;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
