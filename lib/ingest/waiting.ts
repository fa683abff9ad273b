import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

export type WaitingChange = { id: number; connectionId: string; waiting: boolean; flipped: boolean };

/**
 * Recomputes and stores `waiting_since` for the given chats: the customer's first message after
 * the team's last reply, or null when the team answered last (or nobody wrote). A reply is any
 * outbound message that did not fail to send; notes and system events are none. Two index probes
 * per chat (the last reply walking back, the first message after it walking forward).
 * Returns the chats whose value changed; `flipped` when a chat started or stopped waiting (which
 * moves it in or out of Needs reply and its count).
 */
export async function recomputeWaiting(client: DbClient, chatIds: number[]): Promise<WaitingChange[]> {
  if (chatIds.length === 0) return [];
  return client.$queryRaw<WaitingChange[]>`
    WITH computed AS (
      SELECT c.id, c.waiting_since AS was, (
        SELECT min(m.created_at) FROM messages m
        WHERE m.chat_id = c.id AND m.direction = 'inbound' AND m.deleted_at IS NULL
          AND m.created_at > COALESCE((
            SELECT max(o.created_at) FROM messages o
            WHERE o.chat_id = c.id AND o.direction = 'outbound' AND o.delivery_state IS DISTINCT FROM 'failed'
          ), '-infinity')
      ) AS since
      FROM chats c WHERE c.id IN (${Prisma.join(chatIds)})
    )
    UPDATE chats SET waiting_since = computed.since, updated_at = now()
    FROM computed
    WHERE chats.id = computed.id AND chats.waiting_since IS DISTINCT FROM computed.since
    RETURNING chats.id, chats.connection_id::text AS "connectionId", (computed.since IS NOT NULL) AS waiting,
      ((computed.was IS NULL) <> (computed.since IS NULL)) AS flipped`;
}
