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

/** With or without a zone: the list and the detail of the seed differ (see time.ts). */
const timestampSchema = z.string().refine((text) => parseChatOpsTimestamp(text) !== null, "not an ISO 8601 timestamp");

const titleSchema = z.looseObject({
  value: z.string(),
  contentType: z.string().optional(),
  capturedAt: timestampSchema,
});
export type ChatOpsTitle = z.infer<typeof titleSchema>;

const participationSchema = z.looseObject({
  isActive: z.boolean(),
  joinedAt: timestampSchema,
  invitedBy: z.string().nullable().optional(),
});
export type ChatOpsParticipation = z.infer<typeof participationSchema>;

const participantSchema = z.looseObject({
  id: z.string().min(1),
  userProperties: z.looseObject({
    firstname: z.string().nullable().optional(),
    /** Not in the documents; Telegram users have one, so it is read when the API sends it. */
    lastname: z.string().nullable().optional(),
    /** Documented as always there, but a Telegram user may have no username at all. */
    username: z.string().nullable().optional(),
  }),
  participations: z.array(participationSchema),
});
export type ChatOpsParticipant = z.infer<typeof participantSchema>;

export const chatSchema = z.looseObject({
  id: z.string().min(1),
  isActive: z.boolean(),
  service: z.string(),
  registeredAt: timestampSchema,
  /** Optional when the chat is created, so a chat may have none. */
  createdBy: z.string().nullable().optional(),
  title: z.array(titleSchema),
  participants: z.array(participantSchema),
});
export type ChatOpsChat = z.infer<typeof chatSchema>;

const pageCount = z.number().int().nonnegative();

export const chatPageSchema = z.looseObject({
  records: z.array(chatSchema),
  _metadata: z.looseObject({
    currentPage: pageCount,
    totalPages: pageCount,
    pageSize: pageCount,
    totalRecords: pageCount,
  }),
});
export type ChatOpsChatPage = z.infer<typeof chatPageSchema>;

export const invitationSchema = z.looseObject({
  service: z.string().optional(),
  invitation: z.string().nullable(),
});

/** Message ids are not shown in any sample; a number is accepted as well as a UUID. */
const messageIdSchema = z.union([z.string().min(1), z.number().int()]);

const contentSchema = z.looseObject({
  value: z.looseObject({
    text: z.string().nullable().optional(),
    entities: z
      .array(
        z.looseObject({
          offset: z.number().int().nonnegative(),
          length: z.number().int().nonnegative(),
          type: z.string(),
        }),
      )
      .optional(),
  }),
  contentType: z.string(),
  capturedAt: timestampSchema,
});
export type ChatOpsContent = z.infer<typeof contentSchema>;

export const messageSchema = z.looseObject({
  id: messageIdSchema,
  writtenBy: z.string().nullable().optional(),
  writtenAt: timestampSchema,
  deleted: z.boolean(),
  content: z.array(contentSchema),
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
