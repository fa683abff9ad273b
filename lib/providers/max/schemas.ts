/**
 * MAX Bot API wire shapes, checked on every response.
 * Docs: seed `docs/providers/seeds/003_1ec703991a94c4d2.txt` (GET /chats/{chatLink}, the Chat object) and
 * `docs/providers/max.md` (Message, attachments, updates, members). Where the two differ both are
 * accepted: optional fields may be absent or null, and unknown extra fields pass through untouched.
 */
import { z } from "zod";
import { itemList } from "@/lib/providers/items";

/** Not `.int()`: zod rejects integers past 2^53, and MAX `seq` values can be that large. */
const int64 = z.number();
const optionalText = z.string().nullish();

const userSchema = z.looseObject({
  user_id: int64,
  first_name: optionalText,
  last_name: optionalText,
  username: optionalText,
  /** Older payloads and the deep-link example carry only `name`. */
  name: optionalText,
  is_bot: z.boolean().nullish(),
  last_activity_time: int64.nullish(),
});
export type MaxUser = z.infer<typeof userSchema>;

const userWithPhotoSchema = userSchema.extend({
  description: optionalText,
  avatar_url: optionalText,
  full_avatar_url: optionalText,
});

/** `url` is promised, but a media item without one is still a message worth showing. */
const mediaPayload = z.looseObject({ url: optionalText, token: optionalText });

const imageAttachment = z.looseObject({
  type: z.literal("image"),
  payload: mediaPayload.extend({ photo_id: int64.nullish() }),
});
const videoAttachment = z.looseObject({
  type: z.literal("video"),
  payload: mediaPayload,
  /** The schema types it `{url}` and `string | null` at once; the TS client says string (docs/providers/max.md). */
  thumbnail: z.union([z.string(), z.looseObject({ url: optionalText })]).nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  duration: z.number().nullish(),
});
const audioAttachment = z.looseObject({
  type: z.literal("audio"),
  payload: mediaPayload,
  transcription: optionalText,
});
const fileAttachment = z.looseObject({
  type: z.literal("file"),
  payload: mediaPayload,
  filename: optionalText,
  size: z.number().nullish(),
});
const stickerAttachment = z.looseObject({
  type: z.literal("sticker"),
  payload: z.looseObject({ url: optionalText, code: optionalText }),
  width: z.number().nullish(),
  height: z.number().nullish(),
});
const contactAttachment = z.looseObject({
  type: z.literal("contact"),
  /** The schema says `max_info`, the TS client `tam_info`. */
  payload: z.looseObject({ vcf_info: optionalText, max_info: userSchema.nullish(), tam_info: userSchema.nullish() }),
});
const shareAttachment = z.looseObject({
  type: z.literal("share"),
  payload: z.looseObject({ url: optionalText, token: optionalText }).nullish(),
  title: optionalText,
  description: optionalText,
  image_url: optionalText,
});
const locationAttachment = z.looseObject({
  type: z.literal("location"),
  latitude: z.number(),
  longitude: z.number(),
});
const inlineKeyboardAttachment = z.looseObject({
  type: z.literal("inline_keyboard"),
  payload: z.looseObject({ buttons: z.array(z.array(z.unknown())).nullish() }).nullish(),
});

const knownAttachment = z.discriminatedUnion("type", [
  imageAttachment,
  videoAttachment,
  audioAttachment,
  fileAttachment,
  stickerAttachment,
  contactAttachment,
  shareAttachment,
  locationAttachment,
  inlineKeyboardAttachment,
]);
const KNOWN_ATTACHMENT_TYPES = new Set<string>(knownAttachment.options.map((option) => option.shape.type.value));

/** The schema also lists reply_keyboard and data; newer types may appear: they pass, unmapped. */
const otherAttachment = z.looseObject({
  type: z.string().refine((type) => !KNOWN_ATTACHMENT_TYPES.has(type), "a known attachment type with a wrong shape"),
});

export const attachmentSchema = z.union([knownAttachment, otherAttachment]);
export type MaxAttachment = z.infer<typeof attachmentSchema>;
export type MaxKnownAttachment = z.infer<typeof knownAttachment>;

export function isKnownAttachment(attachment: MaxAttachment): attachment is MaxKnownAttachment {
  return KNOWN_ATTACHMENT_TYPES.has(attachment.type);
}

const messageBodySchema = z.looseObject({
  mid: z.string(),
  seq: z.number().nullish(),
  text: optionalText,
  attachments: z.array(attachmentSchema).nullish(),
  markup: z.array(z.unknown()).nullish(),
});
export type MaxMessageBody = z.infer<typeof messageBodySchema>;

/**
 * `chat`, `dialog`, `channel` in the clients, only `chat` in the schema's enum: any text is
 * accepted and an unknown one maps to a group-like chat (docs/providers/max.md).
 */
const chatType = z.string();

export const messageSchema = z.looseObject({
  /** Null when a channel posted it. */
  sender: userSchema.nullish(),
  recipient: z.looseObject({
    chat_id: int64.nullish(),
    chat_type: chatType.nullish(),
    user_id: int64.nullish(),
  }),
  timestamp: int64,
  link: z
    .looseObject({
      /** forward | reply; another type is kept in `raw` and otherwise ignored. */
      type: z.string(),
      sender: userSchema.nullish(),
      chat_id: int64.nullish(),
      message: messageBodySchema.nullish(),
    })
    .nullish(),
  /** "May be null when the message only forwards another" (schema prose; its type says required). */
  body: messageBodySchema.nullish(),
  stat: z.looseObject({ views: z.number() }).nullish(),
  url: optionalText,
});
export type MaxMessage = z.infer<typeof messageSchema>;

export const chatSchema = z.looseObject({
  chat_id: int64,
  type: chatType,
  /** The seed lists active|removed|left|closed; the official schema adds "suspended" for dialogs. */
  status: z.string().nullish(),
  title: optionalText,
  icon: z.looseObject({ url: z.string() }).nullish(),
  last_event_time: int64.nullish(),
  participants_count: z.number().nullish(),
  owner_id: int64.nullish(),
  participants: z.record(z.string(), z.unknown()).nullish(),
  is_public: z.boolean().nullish(),
  link: optionalText,
  description: optionalText,
  dialog_with_user: userWithPhotoSchema.nullish(),
  chat_message_id: optionalText,
  pinned_message: messageSchema.nullish(),
  messages_count: z.number().nullish(),
});
export type MaxChat = z.infer<typeof chatSchema>;

/** `GET /chats/{id}`'s envelope: any JSON object; the chat in it is read on its own (`chatSchema`). */
export const chatAnswerSchema = z.looseObject({});

export const chatMemberSchema = userWithPhotoSchema.extend({
  last_access_time: int64.nullish(),
  is_owner: z.boolean().nullish(),
  is_admin: z.boolean().nullish(),
  join_time: int64.nullish(),
  permissions: z.array(z.string()).nullish(),
  alias: optionalText,
});
export type MaxChatMember = z.infer<typeof chatMemberSchema>;

export const membersPageSchema = z.looseObject({
  members: itemList,
  marker: int64.nullish(),
});

export const messagesPageSchema = z.looseObject({ messages: itemList });

/** The message is read on its own: a send that went out is never an error because of its echo. */
export const sentMessageSchema = z.looseObject({ message: z.unknown() });

export const botInfoSchema = userWithPhotoSchema;

const chatEvent = { timestamp: int64, chat_id: int64, user: userSchema.nullish() } as const;

const knownUpdate = z.discriminatedUnion("update_type", [
  z.looseObject({ update_type: z.literal("message_created"), timestamp: int64, message: messageSchema }),
  z.looseObject({ update_type: z.literal("message_edited"), timestamp: int64, message: messageSchema }),
  z.looseObject({
    update_type: z.literal("message_removed"),
    timestamp: int64,
    message_id: z.string(),
    chat_id: int64.nullish(),
    user_id: int64.nullish(),
  }),
  z.looseObject({ update_type: z.literal("bot_added"), ...chatEvent }),
  z.looseObject({ update_type: z.literal("bot_removed"), ...chatEvent }),
  z.looseObject({ update_type: z.literal("user_added"), ...chatEvent }),
  z.looseObject({ update_type: z.literal("user_removed"), ...chatEvent }),
  z.looseObject({ update_type: z.literal("bot_started"), ...chatEvent }),
  z.looseObject({ update_type: z.literal("chat_title_changed"), ...chatEvent, title: optionalText }),
  z.looseObject({ update_type: z.literal("bot_stopped"), ...chatEvent }),
  z.looseObject({ update_type: z.literal("dialog_removed"), ...chatEvent }),
]);
const KNOWN_UPDATE_TYPES = new Set<string>(knownUpdate.options.map((option) => option.shape.update_type.value));

/** message_callback, dialog_muted, bot_stopped... are valid MAX updates the inbox does not act on. */
const otherUpdate = z.looseObject({
  update_type: z.string().refine((type) => !KNOWN_UPDATE_TYPES.has(type), "a known update type with a wrong shape"),
  timestamp: int64,
});

export const updateSchema = z.union([knownUpdate, otherUpdate]);
export type MaxUpdate = z.infer<typeof updateSchema>;
export type MaxKnownUpdate = z.infer<typeof knownUpdate>;

export function isKnownUpdate(update: MaxUpdate): update is MaxKnownUpdate {
  return KNOWN_UPDATE_TYPES.has(update.update_type);
}

export const updatesPageSchema = z.looseObject({
  updates: itemList,
  marker: int64.nullish(),
});

/** `SimpleQueryResult` of POST and DELETE /subscriptions: a 200 may still say `success: false`. */
export const simpleResultSchema = z.looseObject({ success: z.boolean(), message: z.string().nullish() });

/** GET /subscriptions; only the URLs are read (the rest is MAX's business). */
export const subscriptionsSchema = z.looseObject({
  subscriptions: z.array(z.looseObject({ url: z.string() })).nullish(),
});

export const errorBodySchema = z.looseObject({ code: z.string().nullish(), message: z.string().nullish() });

/** The seed's pattern for `chatLink`, anchored: the whole string must match. */
export const CHAT_LINK_PATTERN = /^@?[a-zA-Z]+[a-zA-Z0-9_-]*$/;
export const CHAT_ID_PATTERN = /^-?\d+$/;

/** `POST /uploads`: the URL to upload one file to (video and audio also name their token here). */
export const uploadUrlSchema = z.looseObject({ url: z.string().min(1), token: z.string().nullish() });

/**
 * The upload's answer: `{token}` for a file, `{photos: {<id>: {token}}}` for an image (the
 * documents show both; either is read, whichever comes).
 */
export const uploadAnswerSchema = z.looseObject({
  token: z.string().min(1).nullish(),
  photos: z.record(z.string(), z.looseObject({ token: z.string().min(1) })).nullish(),
});
