import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import type { DbClient } from "@/lib/db";
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

type MessageRow = {
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
};

export const MESSAGE_COLUMNS = Prisma.sql`m.id, m.external_id AS "externalId", m.direction::text AS direction,
  m.system_event AS "systemEvent", m.author_name AS "authorName", m.text, m.created_at AS "createdAt",
  m.edited_at AS "editedAt", m.deleted_at AS "deletedAt", m.reply_to_id AS "replyToId",
  m.reply_to_external_id AS "replyToExternalId", m.reply_quote_author AS "replyQuoteAuthor",
  m.reply_quote_text AS "replyQuoteText", m.delivery_state::text AS "deliveryState",
  m.delivery_error AS "deliveryError", m.client_id::text AS "clientId", m.sent_by_id AS "sentById"`;

function groupReactions(rows: Array<{ messageId: number; emoji: string; authorName: string | null }>) {
  const byMessage = new Map<number, Map<string, ReactionView>>();
  for (const row of rows) {
    const reactions = byMessage.get(row.messageId) ?? new Map<string, ReactionView>();
    byMessage.set(row.messageId, reactions);
    const reaction = reactions.get(row.emoji) ?? { emoji: row.emoji, count: 0, authors: [] };
    reactions.set(row.emoji, reaction);
    reaction.count += 1;
    if (row.authorName) reaction.authors.push(row.authorName);
  }
  return byMessage;
}

export function reactionsSql(messageIds: number[]): Prisma.Sql {
  return Prisma.sql`SELECT message_id AS "messageId", emoji, author_name AS "authorName"
    FROM reactions WHERE message_id IN (${Prisma.join(messageIds)}) ORDER BY id`;
}

export function attachmentsSql(messageIds: number[]): Prisma.Sql {
  return Prisma.sql`SELECT id, message_id AS "messageId", kind::text AS kind, url, file_name AS "fileName",
      mime_type AS "mimeType", size, width, height, duration_sec AS "durationSec", latitude, longitude,
      contact_name AS "contactName", contact_phone AS "contactPhone", title
    FROM attachments WHERE message_id IN (${Prisma.join(messageIds)}) ORDER BY message_id, position, id`;
}

/** Messages with their reactions and attachments: three indexed queries for a whole page, never one per message. */
export async function loadMessageViews(client: DbClient, rows: MessageRow[]): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [reactionRows, attachmentRows] = await Promise.all([
    client.$queryRaw<Array<{ messageId: number; emoji: string; authorName: string | null }>>(reactionsSql(ids)),
    client.$queryRaw<Array<AttachmentView & { messageId: number; size: bigint | null }>>(attachmentsSql(ids)),
  ]);
  const reactions = groupReactions(reactionRows);
  const attachments = new Map<number, AttachmentView[]>();
  for (const { messageId, size, ...attachment } of attachmentRows) {
    const list = attachments.get(messageId) ?? [];
    list.push({ ...attachment, size: size === null ? null : Number(size) });
    attachments.set(messageId, list);
  }
  return rows.map((row) => ({
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
    reactions: [...(reactions.get(row.id)?.values() ?? [])],
    attachments: attachments.get(row.id) ?? [],
  }));
}

/** The page query itself (exported so the benchmark can time it bare). */
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

/** One page of a chat's cached messages, newest page first (keyset on time and id). */
export async function listMessages(client: DbClient, chatId: number, query: ListMessagesQuery): Promise<MessagePage> {
  const rows = await client.$queryRaw<MessageRow[]>(messagesPageSql(chatId, query));
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const oldest = page.at(-1);
  return {
    items: (await loadMessageViews(client, page)).reverse(),
    nextCursor: hasMore && oldest ? encodeCursor({ at: oldest.createdAt, id: oldest.id }) : null,
  };
}
