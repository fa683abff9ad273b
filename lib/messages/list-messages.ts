import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { type DbClient, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { AttachmentDetails } from "@/lib/providers/attachment";

export const ZListMessagesQuery = z.object({
  /** Older than this position (the `nextCursor` of the previous page); absent: the newest page. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMessagesQuery = z.infer<typeof ZListMessagesQuery>;

export type ReactionView = { emoji: string; count: number; authors: string[] };

/** A stored attachment: the details its provider gave, as normalized when it was synced. */
export type AttachmentView = { id: number; kind: string } & AttachmentDetails;

export type MessageView = {
  id: number;
  externalId: string;
  /** "note": a private note of the team, never sent to the customer. */
  direction: "inbound" | "outbound" | "system" | "note";
  systemEvent: string | null;
  authorName: string | null;
  text: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  replyTo: { id: number | null; externalId: string | null; authorName: string | null; text: string | null } | null;
  deliveryState: "pending" | "sent" | "delivered" | "read" | "failed" | null;
  deliveryError: string | null;
  clientId: string | null;
  /** The staff member who wrote it in the inbox (a send or a note); null for everything from the provider. */
  sentById: string | null;
  reactions: ReactionView[];
  attachments: AttachmentView[];
};

/** Oldest first within the page; `nextCursor` leads to older messages. */
export type MessagePage = { items: MessageView[]; nextCursor: string | null };

export type MessageRow = {
  id: number;
  externalId: string;
  direction: MessageView["direction"];
  systemEvent: string | null;
  authorName: string | null;
  text: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  replyToId: number | null;
  replyToExternalId: string | null;
  replyQuoteAuthor: string | null;
  replyQuoteText: string | null;
  deliveryState: MessageView["deliveryState"];
  deliveryError: string | null;
  clientId: string | null;
  sentById: string | null;
  /** Oldest first. */
  reactions: Array<{ emoji: string; authorName: string | null }>;
  attachments: AttachmentView[];
};

/**
 * A message's columns with its reactions and attachments as JSON beside them, so a page of the
 * thread is one statement (one round trip), not one for the messages and one per kind of part.
 */
const MESSAGE_COLUMNS = Prisma.sql`m.id, m.external_id AS "externalId", m.direction::text AS direction,
  m.system_event AS "systemEvent", m.author_name AS "authorName", m.text, m.created_at AS "createdAt",
  m.edited_at AS "editedAt", m.deleted_at AS "deletedAt", m.reply_to_id AS "replyToId",
  m.reply_to_external_id AS "replyToExternalId", m.reply_quote_author AS "replyQuoteAuthor",
  m.reply_quote_text AS "replyQuoteText", m.delivery_state::text AS "deliveryState",
  m.delivery_error AS "deliveryError", m.client_id::text AS "clientId", m.sent_by_id AS "sentById",
  (SELECT coalesce(json_agg(json_build_object('emoji', r.emoji, 'authorName', r.author_name) ORDER BY r.id), '[]')
     FROM reactions r WHERE r.message_id = m.id) AS reactions,
  (SELECT coalesce(json_agg(json_build_object(
       'id', a.id, 'kind', a.kind, 'url', a.url, 'fileName', a.file_name, 'mimeType', a.mime_type, 'size', a.size,
       'width', a.width, 'height', a.height, 'durationSec', a.duration_sec, 'latitude', a.latitude,
       'longitude', a.longitude, 'contactName', a.contact_name, 'contactPhone', a.contact_phone, 'title', a.title)
     ORDER BY a.position, a.id), '[]')
     FROM attachments a WHERE a.message_id = m.id) AS attachments`;

/** The same emoji from several people is one reaction with a count and their names. */
function groupReactions(rows: MessageRow["reactions"]): ReactionView[] {
  const byEmoji = new Map<string, ReactionView>();
  for (const row of rows) {
    const reaction = byEmoji.get(row.emoji) ?? { emoji: row.emoji, count: 0, authors: [] };
    byEmoji.set(row.emoji, reaction);
    reaction.count += 1;
    if (row.authorName) reaction.authors.push(row.authorName);
  }
  return [...byEmoji.values()];
}

function toMessageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    externalId: row.externalId,
    direction: row.direction,
    systemEvent: row.systemEvent,
    authorName: row.authorName,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    replyTo:
      row.replyToId !== null || row.replyToExternalId !== null || row.replyQuoteText !== null
        ? {
            id: row.replyToId,
            externalId: row.replyToExternalId,
            authorName: row.replyQuoteAuthor,
            text: row.replyQuoteText,
          }
        : null,
    deliveryState: row.deliveryState,
    deliveryError: row.deliveryError,
    clientId: row.clientId,
    sentById: row.sentById,
    reactions: groupReactions(row.reactions),
    attachments: row.attachments,
  };
}

/** The page query itself, newest first and one row more than asked (exported so the benchmark can time it bare). */
export function messagesPageSql(chatId: number, query: ListMessagesQuery): Prisma.Sql {
  const before = query.before ? decodeCursor(query.before) : null;
  return Prisma.sql`
    SELECT ${MESSAGE_COLUMNS}
    FROM messages m
    WHERE m.chat_id = ${chatId}
      ${before ? Prisma.sql`AND (m.created_at, m.id) < (${before.at}, ${before.id})` : Prisma.empty}
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${query.limit + 1}`;
}

/** Rows of `messagesPageSql` as the page the browser gets: oldest first, with the cursor to older ones. */
export function messagePageOf(rows: MessageRow[], limit: number): MessagePage {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const oldest = page.at(-1);
  return {
    items: page.map(toMessageView).reverse(),
    nextCursor: hasMore && oldest ? encodeCursor({ at: oldest.createdAt, id: oldest.id }) : null,
  };
}

/** One page of a chat's cached messages, newest page first (keyset on time and id). */
export async function listMessages(client: DbClient, chatId: number, query: ListMessagesQuery): Promise<MessagePage> {
  return messagePageOf(await readRows<MessageRow>(client, messagesPageSql(chatId, query)), query.limit);
}
