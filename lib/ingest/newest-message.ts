import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import { messagePreview } from "@/lib/ingest/message-preview";
import type { ChatMessages } from "@/lib/ingest/message-upsert";

type Newest = { chatId: number; createdAt: Date; text: string | null; kinds: string[] | null };

/**
 * Keeps each chat's last message time, preview and last inbound time on its newest stored
 * message (never a private note: the list shows what the customer sees). Times only move
 * forward, so an older page never takes the preview back; the
 * provider's own chat-level time, when newer than any stored message, is kept.
 * Returns the chats whose row changed.
 */
export async function followNewestMessages(tx: DbTransaction, batches: ChatMessages[]): Promise<number[]> {
  const chatIds = batches.map((batch) => batch.chatId);
  if (chatIds.length === 0) return [];
  const newest = await tx.$queryRaw<Newest[]>`
    SELECT c.id AS "chatId", n.created_at AS "createdAt", n.text,
      (SELECT array_agg(a.kind::text ORDER BY a.position) FROM attachments a WHERE a.message_id = n.id) AS kinds
    FROM unnest(${chatIds}::int[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT m.id, m.created_at, m.text FROM messages m
      WHERE m.chat_id = c.id AND m.deleted_at IS NULL AND m.direction <> 'note'
      ORDER BY m.created_at DESC, m.id DESC LIMIT 1
    ) n`;
  const lastInbound = new Map<number, Date>();
  for (const { chatId, messages } of batches) {
    for (const message of messages) {
      if (message.direction !== "inbound" || message.deletedAt !== null) continue;
      const known = lastInbound.get(chatId);
      if (!known || message.createdAt > known) lastInbound.set(chatId, message.createdAt);
    }
  }
  const rows = newest.map((row) => ({
    chat_id: row.chatId,
    created_at: row.createdAt,
    preview: messagePreview(row.text, row.kinds ?? []),
    last_inbound_at: lastInbound.get(row.chatId) ?? null,
  }));
  if (rows.length === 0) return [];
  const changed = await tx.$queryRaw<Array<{ id: number }>>`
    WITH u AS (
      SELECT * FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb)
        AS t(chat_id int, created_at timestamptz, preview text, last_inbound_at timestamptz)
    ),
    next AS (
      SELECT c.id,
        GREATEST(c.last_message_at, u.created_at) AS last_message_at,
        CASE WHEN c.last_message_at IS NULL OR u.created_at >= c.last_message_at OR c.last_message_preview IS NULL
          THEN COALESCE(u.preview, c.last_message_preview) ELSE c.last_message_preview END AS last_message_preview,
        GREATEST(c.last_inbound_at, u.last_inbound_at) AS last_inbound_at
      FROM chats c JOIN u ON u.chat_id = c.id
    )
    UPDATE chats c SET last_message_at = next.last_message_at, last_message_preview = next.last_message_preview,
      last_inbound_at = next.last_inbound_at, updated_at = now()
    FROM next
    WHERE c.id = next.id AND (c.last_message_at, c.last_message_preview, c.last_inbound_at)
      IS DISTINCT FROM (next.last_message_at, next.last_message_preview, next.last_inbound_at)
    RETURNING c.id`;
  return changed.map((row) => row.id);
}
