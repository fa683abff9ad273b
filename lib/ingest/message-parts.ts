import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import type { NormalizedAttachment, NormalizedMessage, NormalizedReaction } from "@/lib/providers/types";

type StoredReaction = { messageId: number; emoji: string; authorExternalId: string | null; authorName: string | null };

type AttachmentFields = Omit<NormalizedAttachment, "raw">;

type StoredAttachment = AttachmentFields & { messageId: number; position: number; raw: unknown };

/** Key order does not matter to jsonb, so values are compared in a form with sorted keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => {
    if (typeof field === "bigint") return Number(field);
    if (field && typeof field === "object" && !Array.isArray(field)) {
      return Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return field;
  });
}

function reactionKey(reaction: Pick<NormalizedReaction, "emoji" | "authorExternalId" | "authorName">): string {
  return canonical([reaction.emoji, reaction.authorExternalId, reaction.authorName]);
}

/** Reactions are a set: the same reactions in another order are no change. */
function sameReactions(stored: StoredReaction[], incoming: NormalizedReaction[]): boolean {
  if (stored.length !== incoming.length) return false;
  const a = stored.map(reactionKey).sort();
  const b = incoming.map(reactionKey).sort();
  return a.every((key, index) => key === b[index]);
}

function attachmentKey(attachment: AttachmentFields & { raw: unknown }): string {
  return canonical([
    attachment.kind,
    attachment.url,
    attachment.fileName,
    attachment.mimeType,
    attachment.size === null ? null : Number(attachment.size),
    attachment.width,
    attachment.height,
    attachment.durationSec,
    attachment.latitude,
    attachment.longitude,
    attachment.contactName,
    attachment.contactPhone,
    attachment.title,
    attachment.raw ?? null,
  ]);
}

/** Attachments are a list: their order is what the message shows. */
function sameAttachments(stored: StoredAttachment[], incoming: NormalizedAttachment[]): boolean {
  return (
    stored.length === incoming.length &&
    stored.every((attachment, index) => {
      const other = incoming[index];
      return other !== undefined && attachmentKey(attachment) === attachmentKey(other);
    })
  );
}

function groupBy<T extends { messageId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.messageId);
    if (group) group.push(row);
    else groups.set(row.messageId, [row]);
  }
  return groups;
}

export type StoredMessage = { id: number; inserted: boolean; message: NormalizedMessage };

/** The `raw` of an attachment row the inbox made for a file an agent sent (no provider said anything yet). */
export const SENT_BY_INBOX = { sentByInbox: true } as const;

const isSentByInbox = (raw: unknown) =>
  typeof raw === "object" && raw !== null && (raw as { sentByInbox?: unknown }).sentByInbox === true;

/**
 * The provider's attachments, with what the inbox knew of a file it sent itself (a row marked
 * SENT_BY_INBOX, at the same place, of the same kind): its link, name, type and size win
 * over the provider's echo, which may carry only a URL whose last segment is no name (SmartSender)
 * or a link to the provider's own copy (MAX). The inbox serves the file from what it stored, and
 * the row stays marked the inbox's own, so every later sync reads the same and changes nothing.
 */
function withKnownDetails(stored: StoredAttachment[], incoming: NormalizedAttachment[]): NormalizedAttachment[] {
  return incoming.map((attachment, position) => {
    const known = stored[position];
    if (!known || !isSentByInbox(known.raw) || known.url === null || known.kind !== attachment.kind) return attachment;
    return {
      ...attachment,
      url: known.url,
      fileName: known.fileName ?? attachment.fileName,
      mimeType: known.mimeType ?? attachment.mimeType,
      size: known.size === null ? attachment.size : Number(known.size),
      raw: SENT_BY_INBOX,
    };
  });
}

/**
 * Replaces a message's reactions and attachments with the provider's current ones, only for
 * messages where they changed (new messages simply get theirs). Returns the ids of messages
 * whose parts changed.
 */
export async function replaceMessageParts(tx: DbTransaction, stored: StoredMessage[]): Promise<number[]> {
  const existingIds = stored.filter((entry) => !entry.inserted).map((entry) => entry.id);
  const reactions =
    existingIds.length === 0
      ? []
      : await tx.$queryRaw<StoredReaction[]>`
          SELECT message_id AS "messageId", emoji, author_external_id AS "authorExternalId", author_name AS "authorName"
          FROM reactions WHERE message_id = ANY(${existingIds}::int[])`;
  const attachments =
    existingIds.length === 0
      ? []
      : await tx.$queryRaw<StoredAttachment[]>`
          SELECT message_id AS "messageId", position, kind::text AS kind, url, file_name AS "fileName",
            mime_type AS "mimeType", size, width, height, duration_sec AS "durationSec", latitude, longitude,
            contact_name AS "contactName", contact_phone AS "contactPhone", title, raw
          FROM attachments WHERE message_id = ANY(${existingIds}::int[])
          ORDER BY message_id, position, id`;
  const reactionsOf = groupBy(reactions);
  const attachmentsOf = groupBy(attachments);
  const incoming = stored.map((entry) => {
    const known = attachmentsOf.get(entry.id);
    return known
      ? { ...entry, message: { ...entry.message, attachments: withKnownDetails(known, entry.message.attachments) } }
      : entry;
  });
  const reactionChanges = incoming.filter(
    (entry) => !sameReactions(reactionsOf.get(entry.id) ?? [], entry.message.reactions),
  );
  const attachmentChanges = incoming.filter(
    (entry) => !sameAttachments(attachmentsOf.get(entry.id) ?? [], entry.message.attachments),
  );
  await replaceReactions(tx, reactionChanges);
  await replaceAttachments(tx, attachmentChanges);
  return [...new Set([...reactionChanges, ...attachmentChanges].map((entry) => entry.id))];
}

async function replaceReactions(tx: DbTransaction, changes: StoredMessage[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRaw`DELETE FROM reactions
    WHERE message_id = ANY(${changes.map((entry) => entry.id)}::int[])`;
  const rows = changes.flatMap((entry) =>
    entry.message.reactions.map((reaction) => ({
      message_id: entry.id,
      emoji: reaction.emoji,
      author_external_id: reaction.authorExternalId,
      author_name: reaction.authorName,
    })),
  );
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO reactions (message_id, emoji, author_external_id, author_name)
    SELECT message_id, emoji, author_external_id, author_name
    FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb)
      AS t(message_id int, emoji text, author_external_id text, author_name text)`;
}

async function replaceAttachments(tx: DbTransaction, changes: StoredMessage[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRaw`DELETE FROM attachments
    WHERE message_id = ANY(${changes.map((entry) => entry.id)}::int[])`;
  const rows = changes.flatMap((entry) =>
    entry.message.attachments.map((attachment, position) => ({
      message_id: entry.id,
      position,
      kind: attachment.kind,
      url: attachment.url,
      file_name: attachment.fileName,
      mime_type: attachment.mimeType,
      size: attachment.size,
      width: attachment.width,
      height: attachment.height,
      duration_sec: attachment.durationSec,
      latitude: attachment.latitude,
      longitude: attachment.longitude,
      contact_name: attachment.contactName,
      contact_phone: attachment.contactPhone,
      title: attachment.title,
      raw: attachment.raw ?? null,
    })),
  );
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO attachments (message_id, position, kind, url, file_name, mime_type, size, width, height,
      duration_sec, latitude, longitude, contact_name, contact_phone, title, raw)
    SELECT message_id, position, kind::"AttachmentKind", url, file_name, mime_type, size, width, height,
      duration_sec, latitude, longitude, contact_name, contact_phone, title, raw
    FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS t(
      message_id int, position int, kind text, url text, file_name text, mime_type text, size bigint, width int,
      height int, duration_sec int, latitude float8, longitude float8, contact_name text, contact_phone text,
      title text, raw jsonb)`;
}
