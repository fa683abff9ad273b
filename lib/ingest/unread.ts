import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/**
 * Recomputes and stores `unread_count` for the given chats, so lists and totals only read a
 * column. A chat is unread by:
 * - the provider's own count, where the provider reports one (SmartSender);
 * - otherwise the inbound messages newer than both the agent's last look and the last
 *   outbound message (an answer from any agent means what came before was read);
 * - and at least 1 while it is marked unread by hand.
 * Returns the chats whose count changed, with their new counts.
 */
export async function recomputeUnread(
  client: DbClient,
  chatIds: number[],
): Promise<Array<{ id: number; connectionId: string; unreadCount: number }>> {
  if (chatIds.length === 0) return [];
  return client.$queryRaw<Array<{ id: number; connectionId: string; unreadCount: number }>>`
    WITH computed AS (
      SELECT c.id,
        GREATEST(
          CASE WHEN c.provider_unread_count IS NOT NULL THEN c.provider_unread_count
          ELSE (
            SELECT count(*)::int FROM messages m
            WHERE m.chat_id = c.id AND m.direction = 'inbound' AND m.deleted_at IS NULL
              AND m.created_at > GREATEST(
                COALESCE(c.agent_last_seen_at, '-infinity'),
                COALESCE((SELECT max(o.created_at) FROM messages o WHERE o.chat_id = c.id AND o.direction = 'outbound'), '-infinity'))
          ) END,
          CASE WHEN c.marked_unread THEN 1 ELSE 0 END) AS unread
      FROM chats c WHERE c.id IN (${Prisma.join(chatIds)})
    )
    UPDATE chats SET unread_count = computed.unread, updated_at = now()
    FROM computed
    WHERE chats.id = computed.id AND chats.unread_count IS DISTINCT FROM computed.unread
    RETURNING chats.id, chats.connection_id AS "connectionId", chats.unread_count AS "unreadCount"`;
}
