import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import type { ChatMessages } from "@/lib/ingest/message-upsert";

/**
 * How much older than the moment a chat was snoozed or resolved a newly stored customer message
 * may be and still reopen it: provider clocks differ from ours, and a message the sync brings a
 * little late was not seen by the agent who resolved the chat. Older history (loaded when scrolling
 * up) is far older and reopens nothing.
 */
const LATE_MESSAGE_GRACE = "2 minutes";

export type Reopened = { id: number; connectionId: string; was: "pending" | "resolved" };

/**
 * A customer's message reopens a pending or resolved chat, in the transaction that stores it.
 * `inserted`: the (chat, external id) pairs this ingest stored for the first time. Records each
 * reopening in the audit log (no staff member did it: user_id is null). Written here rather than
 * through lib/audit, which sits above ingest.
 */
export async function reopenOnCustomerMessage(
  tx: DbTransaction,
  batches: ChatMessages[],
  inserted: Set<string>,
): Promise<Reopened[]> {
  const newest = new Map<number, Date>();
  for (const { chatId, messages } of batches) {
    for (const message of messages) {
      if (message.direction !== "inbound" || message.deletedAt !== null) continue;
      if (!inserted.has(`${chatId}:${message.externalId}`)) continue;
      const known = newest.get(chatId);
      if (!known || message.createdAt > known) newest.set(chatId, message.createdAt);
    }
  }
  if (newest.size === 0) return [];
  const arrivals = [...newest].map(([chatId, at]) => ({ chat_id: chatId, at }));
  const reopened = await tx.$queryRaw<Reopened[]>`
    WITH arrived AS (
      SELECT * FROM jsonb_to_recordset(${jsonParam(arrivals)}::jsonb) AS t(chat_id int, at timestamptz)
    ),
    due AS (
      SELECT c.id, c.inbox_status::text AS was FROM chats c JOIN arrived a ON a.chat_id = c.id
      WHERE c.inbox_status <> 'open'
        AND (c.status_changed_at IS NULL OR a.at > c.status_changed_at - ${LATE_MESSAGE_GRACE}::interval)
    )
    UPDATE chats c SET inbox_status = 'open', snoozed_until = NULL, status_changed_at = now(), updated_at = now()
    FROM due WHERE c.id = due.id
    RETURNING c.id, c.connection_id::text AS "connectionId", due.was`;
  if (reopened.length > 0) {
    const entries = reopened.map((chat) => ({ chat_id: chat.id, from: chat.was }));
    await tx.$executeRaw`
      INSERT INTO audit_log (user_id, action, chat_id, details)
      SELECT NULL, 'chat.reopen', e.chat_id, jsonb_build_object('from', e."from", 'reason', 'customer_message')
      FROM jsonb_to_recordset(${jsonParam(entries)}::jsonb) AS e(chat_id int, "from" text)`;
  }
  return reopened;
}
