import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import type { NormalizedMessage } from "@/lib/providers/types";

export type ChatMessages = { chatId: number; messages: NormalizedMessage[] };

export type UpsertedMessage = {
  id: number;
  chatId: number;
  externalId: string;
  inserted: boolean;
  /** Inserted, or updated because the provider's version differs. */
  changed: boolean;
};

/** A message listed twice in one batch is stored once, as its last listing says. */
export function dedupeBatches(batches: ChatMessages[]): ChatMessages[] {
  const byChat = new Map<number, Map<string, NormalizedMessage>>();
  for (const { chatId, messages } of batches) {
    const known = byChat.get(chatId) ?? new Map<string, NormalizedMessage>();
    for (const message of messages) known.set(message.externalId, message);
    byChat.set(chatId, known);
  }
  return [...byChat].map(([chatId, messages]) => ({ chatId, messages: [...messages.values()] }));
}

/**
 * Inserts new messages and updates changed ones, every chat of the batch in one statement, and
 * returns every message of the batch with its row id and whether it was inserted or changed.
 * A deletion is final (the row stays, marked), and the provider listing one of our sends
 * proves it was sent.
 */
export async function upsertMessages(tx: DbTransaction, batches: ChatMessages[]): Promise<UpsertedMessage[]> {
  const rows = batches.flatMap(({ chatId, messages }) =>
    messages.map((message) => ({
      chat_id: chatId,
      external_id: message.externalId,
      direction: message.direction,
      system_event: message.systemEvent,
      author_name: message.authorName,
      author_external_id: message.authorExternalId,
      text: message.text,
      created_at: message.createdAt,
      edited_at: message.editedAt,
      deleted_at: message.deletedAt,
      reply_to_external_id: message.replyTo?.externalId ?? null,
      reply_quote_author: message.replyTo?.authorName ?? null,
      reply_quote_text: message.replyTo?.text ?? null,
      delivery_state: message.deliveryState,
      raw: message.raw ?? null,
    })),
  );
  if (rows.length === 0) return [];
  return tx.$queryRaw<UpsertedMessage[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS t(
        chat_id int, external_id text, direction text, system_event text, author_name text,
        author_external_id text, text text, created_at timestamptz, edited_at timestamptz, deleted_at timestamptz,
        reply_to_external_id text, reply_quote_author text, reply_quote_text text, delivery_state text, raw jsonb)
    ),
    -- The statement's snapshot: rows as they were before this upsert.
    before AS (
      SELECT m.id, m.chat_id, m.external_id FROM input i
      JOIN messages m ON m.chat_id = i.chat_id AND m.external_id = i.external_id
    ),
    written AS (
      INSERT INTO messages AS m (chat_id, external_id, direction, system_event, author_name, author_external_id,
        text, created_at, edited_at, deleted_at, reply_to_external_id, reply_quote_author, reply_quote_text,
        delivery_state, raw, synced_at)
      SELECT chat_id, external_id, direction::"MessageDirection", system_event, author_name, author_external_id,
        text, created_at, edited_at, deleted_at, reply_to_external_id, reply_quote_author, reply_quote_text,
        delivery_state::"DeliveryState", raw, now()
      FROM input
      ON CONFLICT (chat_id, external_id) DO UPDATE SET
        direction = EXCLUDED.direction,
        system_event = EXCLUDED.system_event,
        author_name = COALESCE(EXCLUDED.author_name, m.author_name),
        author_external_id = COALESCE(EXCLUDED.author_external_id, m.author_external_id),
        text = EXCLUDED.text,
        created_at = EXCLUDED.created_at,
        edited_at = COALESCE(EXCLUDED.edited_at, m.edited_at),
        deleted_at = COALESCE(m.deleted_at, EXCLUDED.deleted_at),
        reply_to_external_id = COALESCE(EXCLUDED.reply_to_external_id, m.reply_to_external_id),
        reply_quote_author = COALESCE(EXCLUDED.reply_quote_author, m.reply_quote_author),
        reply_quote_text = COALESCE(EXCLUDED.reply_quote_text, m.reply_quote_text),
        delivery_state = COALESCE(EXCLUDED.delivery_state,
          CASE WHEN m.delivery_state IN ('pending', 'failed') THEN 'sent'::"DeliveryState" ELSE m.delivery_state END),
        delivery_error = NULL,
        raw = EXCLUDED.raw,
        synced_at = now()
      WHERE m.raw IS DISTINCT FROM EXCLUDED.raw
        OR (m.direction, m.system_event, m.text, m.created_at) IS DISTINCT FROM
          (EXCLUDED.direction, EXCLUDED.system_event, EXCLUDED.text, EXCLUDED.created_at)
        OR (EXCLUDED.author_name IS NOT NULL AND m.author_name IS DISTINCT FROM EXCLUDED.author_name)
        OR (EXCLUDED.edited_at IS NOT NULL AND m.edited_at IS DISTINCT FROM EXCLUDED.edited_at)
        OR (m.deleted_at IS NULL AND EXCLUDED.deleted_at IS NOT NULL)
        OR (EXCLUDED.reply_to_external_id IS NOT NULL
          AND m.reply_to_external_id IS DISTINCT FROM EXCLUDED.reply_to_external_id)
        OR (EXCLUDED.reply_quote_text IS NOT NULL AND m.reply_quote_text IS DISTINCT FROM EXCLUDED.reply_quote_text)
        OR (EXCLUDED.delivery_state IS NOT NULL AND m.delivery_state IS DISTINCT FROM EXCLUDED.delivery_state)
        OR m.delivery_state IN ('pending', 'failed')
      RETURNING m.id, m.chat_id, m.external_id, (m.xmax = 0) AS inserted
    )
    SELECT COALESCE(w.id, b.id) AS id, i.chat_id AS "chatId", i.external_id AS "externalId",
      COALESCE(w.inserted, false) AS inserted, w.id IS NOT NULL AS changed
    FROM input i
    LEFT JOIN written w ON w.chat_id = i.chat_id AND w.external_id = i.external_id
    LEFT JOIN before b ON b.chat_id = i.chat_id AND b.external_id = i.external_id`;
}
