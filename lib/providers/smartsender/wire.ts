/**
 * SmartSender's wire format, as zod schemas for every response the client reads.
 * Docs: docs/providers/seeds/001_4c7582a753ef1710.txt (Chat, list envelope) and
 * docs/providers/smartsender.md (Message, `{"state": true}`, error bodies).
 *
 * Every object is loose: fields SmartSender adds later pass through untouched, so a parsed
 * chat or message is the provider's payload and can be stored as `raw` (hence no defaults
 * or transforms in those schemas).
 */
import { z } from "zod";
import { itemList } from "@/lib/providers/items";

/** Ids are numbers in every sample; strings are accepted in case a client ever sees them quoted. */
const idSchema = z.union([z.number().int(), z.string().min(1)]);

/** "YYYY-MM-DD HH:MM:SS" in the samples; ISO 8601 is accepted as well (see mapper's parseSmartSenderDate). */
const dateTextSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, "not a SmartSender date");

/** A count PHP may send as a number, a numeric string or null; the mapper reads what it can. */
const countSchema = z.union([z.number(), z.string()]).nullish();

/** `type` is telegram|viber|...: any other word is kept, never refused. */
const channelSchema = z.looseObject({
  id: idSchema.nullish(),
  type: z.string().nullish(),
  name: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
});

const gateSchema = z.looseObject({
  id: idSchema.nullish(),
  subscribed: z.unknown().optional(),
  unreadMessages: countSchema,
  channel: channelSchema.nullish(),
});

export const chatSchema = z.looseObject({
  id: idSchema,
  /** Real answers omit it or send null: the mapper titles such a chat by its contact. */
  name: z.string().nullish(),
  image: z.string().nullish(),
  /** The seed promises it, and sending needs its id: a chat without one is skipped. */
  contact: z.looseObject({ id: idSchema, originalId: idSchema.nullish() }),
  gates: z.array(gateSchema.nullable()).nullish(),
  /** Not in the seed; one public client reads it on list rows. */
  unreadMessages: countSchema,
  createdAt: dateTextSchema.nullable().optional(),
  updatedAt: dateTextSchema.nullable().optional(),
});
export type SmartSenderChat = z.infer<typeof chatSchema>;

/**
 * `content.resource.parameters` differ per content type; the mapper reads them one type at a
 * time, so an odd parameter degrades one message instead of failing a whole page.
 */
const contentSchema = z.looseObject({
  type: z.string(),
  resource: z
    /** PHP encodes an empty `parameters` object as `[]`: both are accepted (parametersOf reads `[]` as `{}`). */
    .looseObject({ parameters: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish() })
    .nullable()
    .optional(),
});
export type SmartSenderContent = z.infer<typeof contentSchema>;

export const messageSchema = z.looseObject({
  id: idSchema,
  createdAt: dateTextSchema,
  deliveredAt: dateTextSchema.nullable().optional(),
  seenAt: dateTextSchema.nullable().optional(),
  internal: z.union([z.boolean(), z.number(), z.string()]).nullish(),
  /** Null for system entries (providers.md, "PHP encodings"); `type` "contact" is the customer, any other word is staff or a bot. */
  sender: z
    .looseObject({
      type: z.string().nullish(),
      fullName: z.string().nullish(),
      image: z.string().nullish(),
    })
    .nullish(),
  gate: z.looseObject({ id: idSchema.optional(), channel: channelSchema.nullable().optional() }).nullable().optional(),
  content: contentSchema,
});
export type SmartSenderMessage = z.infer<typeof messageSchema>;

/**
 * A list answer: the envelope is strict, its items are kept as sent and read one by one with
 * `chatSchema` / `messageSchema` (lib/providers/items.ts), so one bad item never fails a page.
 * Page numbers may come as numeric strings (PHP).
 */
const pageNumber = z.coerce.number().int().nonnegative();
export const pageSchema = z.looseObject({
  cursor: z.looseObject({ page: pageNumber, pages: pageNumber }),
  collection: itemList,
});

/** `PUT /v1/chats/{id}/read` and `/close` answer `{"state": true}`. */
export const stateSchema = z.looseObject({ state: z.boolean() });

/** The error key is inferred from clients: a string, or an object whose message may be a list. */
const errorMessageSchema = z.union([z.string(), z.array(z.string()).transform((lines) => lines.join("; "))]);
const errorBodySchema = z.looseObject({
  error: z.union([errorMessageSchema, z.looseObject({ message: errorMessageSchema.optional() })]).optional(),
  message: z.string().optional(),
});

/** SmartSender's own error text from an error body, or null when the body has none. */
export function errorMessageOf(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const { error, message } = parsed.data;
  const text = typeof error === "string" ? error : (error?.message ?? message);
  return text || null;
}

/** The body's `error.code` (a number, maybe a numeric string: PHP), or null (docs/providers/smartsender.md "Errors"). */
export function errorCodeOf(body: unknown): number | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const code = (error as { code: unknown }).code;
  const number = typeof code === "string" && /^\d{3}$/.test(code.trim()) ? Number(code) : code;
  return typeof number === "number" && Number.isInteger(number) && number >= 100 && number <= 599 ? number : null;
}

/** True for a body that carries SmartSender's top-level `error` key (an error even when the status is 2xx). */
export function isErrorBody(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body) && "error" in body;
}
