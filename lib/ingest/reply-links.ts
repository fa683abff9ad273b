import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import { messagePreview } from "@/lib/ingest/message-preview";

type Link = {
  id: number;
  chatId: number;
  targetId: number;
  targetAuthor: string | null;
  targetText: string | null;
  targetKinds: string[] | null;
};

/**
 * Links replies to the messages they answer, whichever arrived first: replies in this batch
 * whose target is stored, and stored replies whose target is in this batch. When the provider
 * sent no quote, the quote is taken from the target. Returns the replies that were linked.
 */
export async function linkReplies(
  tx: DbTransaction,
  batchIds: number[],
): Promise<Array<{ id: number; chatId: number }>> {
  if (batchIds.length === 0) return [];
  const links = await tx.$queryRaw<Link[]>`
    WITH batch AS (SELECT unnest(${batchIds}::int[]) AS id),
    pairs AS (
      SELECT m.id, t.id AS target_id FROM batch b
      JOIN messages m ON m.id = b.id AND m.reply_to_id IS NULL AND m.reply_to_external_id IS NOT NULL
      JOIN messages t ON t.chat_id = m.chat_id AND t.external_id = m.reply_to_external_id
      UNION
      SELECT m.id, t.id AS target_id FROM batch b
      JOIN messages t ON t.id = b.id
      JOIN messages m ON m.chat_id = t.chat_id AND m.reply_to_external_id = t.external_id AND m.reply_to_id IS NULL
    )
    SELECT p.id, t.chat_id AS "chatId", p.target_id AS "targetId", t.author_name AS "targetAuthor", t.text AS "targetText",
      (SELECT array_agg(a.kind::text ORDER BY a.position) FROM attachments a WHERE a.message_id = t.id) AS "targetKinds"
    FROM pairs p JOIN messages t ON t.id = p.target_id`;
  if (links.length === 0) return [];
  const rows = links.map((link) => ({
    id: link.id,
    target_id: link.targetId,
    author: link.targetAuthor,
    text: messagePreview(link.targetText, link.targetKinds ?? []),
  }));
  await tx.$executeRaw`
    UPDATE messages m SET reply_to_id = u.target_id,
      reply_quote_author = COALESCE(m.reply_quote_author, u.author),
      reply_quote_text = COALESCE(m.reply_quote_text, u.text)
    FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS u(id int, target_id int, author text, text text)
    WHERE m.id = u.id`;
  return links.map((link) => ({ id: link.id, chatId: link.chatId }));
}
