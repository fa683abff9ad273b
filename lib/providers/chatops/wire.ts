/**
 * The Chat operations API's wire format, as zod schemas for every response the client reads.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt (Chat, list envelope, invitation) and
 * docs/providers/chatops.md (Message).
 *
 * Every object is loose: fields the API adds later pass through untouched, so the parsed
 * value is the provider's payload and can be stored as `raw`. No defaults or transforms here.
 */
import { z } from "zod";
import { parseChatOpsTimestamp } from "@/lib/providers/chatops/time";
import { itemList } from "@/lib/providers/items";

/** With or without a zone: the list and the detail of the seed differ (see time.ts). */
const timestampSchema = z.string().refine((text) => parseChatOpsTimestamp(text) !== null, "not an ISO 8601 timestamp");

/**
 * A chat's histories (`title`, `participants`, a participant's `participations`) are read entry by
 * entry with the schemas below: an entry that fails is left out, the chat is kept
 * (docs/providers/README.md, rules 1–2). Only an item's id is required.
 */
export const titleSchema = z.looseObject({
  value: z.string().nullish(),
  contentType: z.string().nullish(),
  capturedAt: z.string().nullish(),
});
export type ChatOpsTitle = z.infer<typeof titleSchema>;

export const participationSchema = z.looseObject({
  isActive: z.boolean().nullish(),
  joinedAt: z.string().nullish(),
  invitedBy: z.string().nullish(),
});
export type ChatOpsParticipation = z.infer<typeof participationSchema>;

export const participantSchema = z.looseObject({
  id: z.string().min(1),
  userProperties: z
    .looseObject({
      firstname: z.string().nullish(),
      /** Not in the documents; Telegram users have one, so it is read when the API sends it. */
      lastname: z.string().nullish(),
      /** Documented as always there, but a Telegram user may have no username at all. */
      username: z.string().nullish(),
    })
    .nullish(),
  participations: itemList.nullish(),
});
export type ChatOpsParticipant = z.infer<typeof participantSchema>;

export const chatSchema = z.looseObject({
  id: z.string().min(1),
  /** Promised, but a chat means something without it: absent or null reads as open. */
  isActive: z.boolean().nullish(),
  service: z.string().nullish(),
  /** With or without a zone (time.ts); an unreadable one leaves the chat's creation time unknown. */
  registeredAt: z.string().nullish(),
  /** Optional when the chat is created, so a chat may have none. */
  createdBy: z.string().nullish(),
  title: itemList.nullish(),
  participants: itemList.nullish(),
});
export type ChatOpsChat = z.infer<typeof chatSchema>;

const pageCount = z.coerce.number().int().nonnegative();

/** A page of chats: the envelope is strict, each record is read on its own with `chatSchema`. */
export const chatPageSchema = z.looseObject({
  records: itemList,
  _metadata: z.looseObject({
    currentPage: pageCount.nullish(),
    totalPages: pageCount,
    pageSize: pageCount.nullish(),
    totalRecords: pageCount.nullish(),
  }),
});
export type ChatOpsChatPage = z.infer<typeof chatPageSchema>;

export const invitationSchema = z.looseObject({
  service: z.string().optional(),
  invitation: z.string().nullable(),
});

/** Message ids are not shown in any sample; a number is accepted as well as a UUID. */
const messageIdSchema = z.union([z.string().min(1), z.number().int()]);

/** One version of a message's content, read entry by entry like a chat's histories. */
export const contentSchema = z.looseObject({
  value: z
    .looseObject({
      text: z.string().nullish(),
      /** Kept in `raw`; the inbox does not format by them. */
      entities: z.unknown().optional(),
    })
    .nullish(),
  contentType: z.string().nullish(),
  capturedAt: z.string().nullish(),
});
export type ChatOpsContent = z.infer<typeof contentSchema>;

export const messageSchema = z.looseObject({
  id: messageIdSchema,
  writtenBy: z.string().nullable().optional(),
  writtenAt: timestampSchema,
  deleted: z.boolean().nullish(),
  content: itemList.nullish(),
});
export type ChatOpsMessage = z.infer<typeof messageSchema>;

/**
 * The documents say a created chat (202) and a posted message (201) come back with "the ID"
 * but show no body. Accepted: a JSON string or number, an object with `id`, or the bare id as
 * plain text (what a Spring controller returning a UUID as text/plain sends).
 */
const createdIdBodySchema = z.union([z.string(), z.number().int(), z.looseObject({ id: messageIdSchema })]);
const PLAIN_ID = /^[\w-]{1,100}$/;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The id a 201/202 body carries, or null when the body holds none we can recognise. */
export function createdIdOf(body: string): string | null {
  const text = body.trim();
  if (text === "") return null;
  const parsed = createdIdBodySchema.safeParse(parseJson(text));
  if (parsed.success) {
    const value = parsed.data;
    const id = (typeof value === "object" ? String(value.id) : String(value)).trim();
    return id === "" ? null : id;
  }
  return PLAIN_ID.test(text) ? text : null;
}

/**
 * The error body is not documented. The API's paths and paging (`page` from 0, `size`, `sort`)
 * are Spring's, so Spring Boot's `{timestamp, status, error, message, path}` is read first;
 * RFC 7807 `detail`/`title` and a plain-text body are read as well.
 */
export function errorMessageOf(body: unknown, text: string): string | null {
  if (typeof body === "string" && body.trim() !== "") return body.trim();
  if (typeof body === "object" && body !== null) {
    const fields = body as Record<string, unknown>;
    for (const name of ["message", "detail", "error", "title"]) {
      const value = fields[name];
      if (typeof value === "string" && value.trim() !== "") return value.trim();
    }
    return null;
  }
  const plain = text.trim();
  return plain !== "" && plain.length <= 300 && !plain.startsWith("<") ? plain : null;
}
