/**
 * Response schemas of the "Telegram" bridge, for its JSON and its DataContract XML alike.
 * Docs: docs/providers/seeds/000_62f7899ae3925019.txt (ActiveChat, MessageStructDto, Reaction, Reply)
 * and docs/providers/tgbridge.md (ChatDto, GetChatData).
 *
 * The schemas only validate: numbers may arrive as JSON numbers or XML strings, enums as
 * numbers or names, so the parsed value stays exactly what the bridge sent (it is the `raw`
 * of the normalized rows) and the mapper reads it with `toInt`/`readEnum`. Unknown fields
 * pass through.
 */
import { z } from "zod";
import { eachItem, itemList } from "@/lib/providers/items";
import { parseBridgeDate } from "@/lib/providers/tgbridge/dates";
import type { SkippedItem } from "@/lib/providers/types";

/** An integer as JSON sends it (1) or as XML sends it ("1"). */
const intLike = z.union([z.number().int(), z.string().regex(/^\s*-?\d+\s*$/, "expected an integer")]);
/** An enum: a number in JSON, a name in XML. */
const enumLike = z.union([z.number().int(), z.string()]);
const dateText = z.string().refine((value) => parseBridgeDate(value) !== null, "expected a date");
const nullableText = z.string().nullish();

export type IntLike = z.infer<typeof intLike>;

export function intOf(value: IntLike): number {
  return typeof value === "number" ? value : Number(value.trim());
}

export function toInt(value: IntLike | null | undefined): number | null {
  return value === null || value === undefined ? null : intOf(value);
}

const ZReaction = z.looseObject({ Employee: intLike.nullish(), Emoji: nullableText });

/** An empty XML element (`<Reply />`) stands for an absent object. */
const emptyAsNull = (value: unknown) => (value === "" ? null : value);

const ZReply = z.preprocess(
  emptyAsNull,
  z.looseObject({ Id: intLike.nullish(), Name: nullableText, Message: nullableText }).nullish(),
);

export const ZMessageStructDto = z.looseObject({
  Id: intLike,
  Chat: intLike.nullish(),
  ChatId: intLike.nullish(),
  Created: dateText,
  Message: nullableText,
  From: nullableText,
  Phone: nullableText,
  EmployeeId: intLike.nullish(),
  MessageType: enumLike.nullish(),
  /** File names; an empty or null entry is dropped by the mapper. */
  Attachments: z.array(z.string().nullable()).nullish(),
  Area: intLike.nullish(),
  ChannelId: intLike.nullish(),
  ReplyId: intLike.nullish(),
  Level: intLike.nullish(),
  Source: enumLike.nullish(),
  State: enumLike.nullish(),
  AdditionalKey: intLike.nullish(),
  Reactions: z.array(ZReaction.nullable()).nullish(),
  Reply: ZReply,
});
export type MessageStructDto = z.infer<typeof ZMessageStructDto>;

/** Message records read one by one: a record that fails `ZMessageStructDto` is skipped, the others kept. */
export function readMessageRecords(
  where: string,
  raws: readonly unknown[] | null | undefined,
): { records: MessageStructDto[]; skipped: SkippedItem[] } {
  const { items, skipped } = eachItem(where, ZMessageStructDto, raws, (record) => record);
  return { records: items, skipped };
}

/**
 * GetActiveChatByPhone: null (JSON `null`, XML `i:nil`, or an empty body) when the phone has no
 * active chat. Its `Messages` are read one by one (`readMessageRecords`).
 */
export const ZActiveChat = z.looseObject({ Id: intLike, Messages: itemList.nullish() }).nullable();
export type ActiveChat = NonNullable<z.infer<typeof ZActiveChat>>;

/**
 * ChatDto (providers.md §3 lists the fields, no sample shows their types). `LastMessage` may be
 * the time of the last message, its text, or the message itself; `LastEmployee` and
 * `Classification` are kept raw.
 */
const ZChatDto = z.looseObject({
  Id: intLike,
  Created: dateText.nullish(),
  Name: nullableText,
  Phone: nullableText,
  ChatId: intLike.nullish(),
  ChannelId: intLike.nullish(),
  CloseDate: z.preprocess(emptyAsNull, dateText.nullish()),
  State: enumLike.nullish(),
  LastMessage: z.union([z.string(), z.looseObject({ Message: nullableText, Created: dateText.nullish() })]).nullish(),
  LastEmployee: z.unknown().optional(),
  Area: intLike.nullish(),
  Classification: z.unknown().optional(),
  Source: enumLike.nullish(),
});
export type ChatDto = z.infer<typeof ZChatDto>;

export { ZChatDto };

/** GetChats: the list is the envelope; each ChatDto is read on its own with `ZChatDto`. */
export const ZChats = itemList;

/**
 * GetChatData's `chatInfo`, whose contents no document describes (docs/providers/tgbridge.md):
 * every ChatDto field it carries that reads as one is used, any other is ignored, and nothing in
 * it is required. Null when it is absent, not an object, or has no ChatDto field at all.
 */
export type ChatInfo = Partial<ChatDto>;

export function readChatInfo(raw: unknown): ChatInfo | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const fields = raw as Record<string, unknown>;
  const info: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ZChatDto.shape)) {
    if (!(key in fields)) continue;
    const parsed = (schema as z.ZodType).safeParse(fields[key]);
    if (parsed.success && parsed.data !== undefined) info[key] = parsed.data;
  }
  return Object.keys(info).length > 0 ? (info as ChatInfo) : null;
}

/** GetChatData: camelCase keys per providers.md; PascalCase is accepted too. Messages are read one by one. */
export const ZChatData = z.looseObject({
  messages: itemList.nullish(),
  Messages: itemList.nullish(),
  copilotMessages: z.unknown().optional(),
  chatInfo: z.unknown().optional(),
  ChatInfo: z.unknown().optional(),
});
export type ChatData = {
  messages: MessageStructDto[];
  chatInfo: ChatInfo | null;
  /** How many message records the bridge sent, readable or not. */
  received: number;
  skipped: SkippedItem[];
};

export function readChatData(data: z.infer<typeof ZChatData>): ChatData {
  const raws = data.messages ?? data.Messages ?? [];
  const { records, skipped } = readMessageRecords("messages", raws);
  const info = readChatInfo(emptyAsNull(data.chatInfo ?? data.ChatInfo ?? null));
  return { messages: records, chatInfo: info, received: raws.length, skipped };
}
