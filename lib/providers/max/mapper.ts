/**
 * MAX payloads → the inbox's normalized rows. Pure: no I/O, the provider object kept in `raw`.
 * Docs: seed docs/providers/seeds/003_1ec703991a94c4d2.txt (the Chat object) and docs/providers/max.md
 * (Message, LinkedMessage, attachments, updates, ChatMember). MAX has no reactions and reports
 * no unread counts or delivery states.
 */
import { type AttachmentDetails, normalizedAttachment } from "@/lib/providers/attachment";
import {
  isKnownAttachment,
  isKnownUpdate,
  type MaxAttachment,
  type MaxChat,
  type MaxChatMember,
  type MaxMessage,
  type MaxMessageBody,
  type MaxUpdate,
  type MaxUser,
} from "@/lib/providers/max/schemas";
import type {
  ChatKind,
  NormalizedAttachment,
  NormalizedChat,
  NormalizedMessage,
  NormalizedParticipant,
  ProviderUpdate,
  ReplyQuote,
} from "@/lib/providers/types";

const CHAT_KINDS: Record<string, ChatKind> = { chat: "group", dialog: "dialog", channel: "channel" };

/** An unknown chat type is a group-like chat; its raw value stays in the row's `raw`. */
const chatKindOf = (type: string): ChatKind =>
  Object.hasOwn(CHAT_KINDS, type) ? (CHAT_KINDS[type] ?? "group") : "group";

/** "First Last", else the legacy `name`, else the @username. */
export function userName(user: MaxUser | null | undefined): string | null {
  if (!user) return null;
  const full = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  return full || user.name || user.username || null;
}

export function mapChat(chat: MaxChat): NormalizedChat {
  const person = chat.dialog_with_user;
  return {
    externalId: String(chat.chat_id),
    kind: chatKindOf(chat.type),
    // The seed: the title "may be null for dialogs"; the dialog's other side names it then.
    title: chat.title || userName(person) || chat.link || `MAX ${chat.chat_id}`,
    avatarUrl: chat.icon?.url ?? person?.avatar_url ?? null,
    status: chat.status === "active" ? "open" : "closed",
    providerStatus: chat.status ?? null,
    phone: null,
    publicLink: chat.link ?? null,
    participantsCount: chat.participants_count ?? null,
    providerUnreadCount: null,
    // The chat carries no last message, only the time of its last event.
    lastMessageAt: typeof chat.last_event_time === "number" ? new Date(chat.last_event_time) : null,
    lastMessagePreview: null,
    createdAt: null,
    raw: chat,
  };
}

/** A vCard property's value (`FN`, `TEL`), ignoring its parameters (`TEL;TYPE=CELL:`). */
function vcardValue(vcard: string, property: string): string | null {
  for (const line of vcard.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).split(";")[0]?.toUpperCase() === property) {
      return line.slice(colon + 1).trim() || null;
    }
  }
  return null;
}

/**
 * Keyboards (inline_keyboard, and reply_keyboard and data from the official schema) are controls,
 * not content a customer sent: they are no attachment rows and stay in the message's `raw` only.
 */
const CONTROLS_OUTSIDE_PROVIDERS_MD = new Set(["reply_keyboard", "data"]);

export function mapAttachment(attachment: MaxAttachment): NormalizedAttachment | null {
  const row = ({ kind, ...details }: Partial<AttachmentDetails> & Pick<NormalizedAttachment, "kind">) =>
    normalizedAttachment(kind, attachment, details);
  if (!isKnownAttachment(attachment)) {
    return CONTROLS_OUTSIDE_PROVIDERS_MD.has(attachment.type) ? null : row({ kind: "other" });
  }
  switch (attachment.type) {
    case "image":
      return row({ kind: "image", url: attachment.payload.url ?? null });
    case "video":
      return row({
        kind: "video",
        url: attachment.payload.url ?? null,
        width: attachment.width ?? null,
        height: attachment.height ?? null,
        durationSec: attachment.duration ?? null,
      });
    case "audio":
      return row({ kind: "audio", url: attachment.payload.url ?? null, title: attachment.transcription ?? null });
    case "file":
      return row({
        kind: "file",
        url: attachment.payload.url ?? null,
        fileName: attachment.filename ?? null,
        size: attachment.size ?? null,
      });
    case "sticker":
      return row({
        kind: "sticker",
        url: attachment.payload.url ?? null,
        width: attachment.width ?? null,
        height: attachment.height ?? null,
        title: attachment.payload.code ?? null,
      });
    case "contact": {
      const vcard = attachment.payload.vcf_info ?? "";
      return row({
        kind: "contact",
        contactName: userName(attachment.payload.max_info ?? attachment.payload.tam_info) ?? vcardValue(vcard, "FN"),
        contactPhone: vcardValue(vcard, "TEL"),
      });
    }
    case "share":
      return row({
        kind: "share",
        url: attachment.payload?.url ?? null,
        title: attachment.title ?? attachment.description ?? null,
      });
    case "location":
      return row({ kind: "location", latitude: attachment.latitude, longitude: attachment.longitude });
    case "inline_keyboard":
      return null;
  }
}

function attachmentsOf(body: MaxMessageBody | null | undefined): NormalizedAttachment[] {
  return (body?.attachments ?? []).flatMap((attachment) => mapAttachment(attachment) ?? []);
}

function replyQuote(message: MaxMessage): ReplyQuote | null {
  const { link } = message;
  if (link?.type !== "reply" || !link.message) return null;
  return { externalId: link.message.mid, authorName: userName(link.sender), text: link.message.text || null };
}

/**
 * A forward is not a reply: its content is part of this message. MAX may send the forwarded
 * text and files only inside `link.message`, so they are shown after the message's own text,
 * marked with "↪ author:" so staff can tell whose words they are.
 */
function textOf(message: MaxMessage): string | null {
  const own = message.body?.text || null;
  const { link } = message;
  if (link?.type !== "forward" || !link.message?.text) return own;
  const author = userName(link.sender);
  const forwarded = `↪ ${author ? `${author}: ` : ""}${link.message.text}`;
  return own ? `${own}\n\n${forwarded}` : forwarded;
}

/**
 * Sent by this bot — or, with no sender at all, posted on behalf of a channel: by its admins
 * (the bot among them), never by a customer, so not something staff has to answer.
 */
function isOwnMessage(message: MaxMessage, botUserId: number): boolean {
  if (!message.sender) return message.recipient.chat_type === "channel";
  return message.sender.user_id === botUserId;
}

export type MessageContext = {
  chatExternalId: string;
  /** The bot's own user id (GET /me): its messages are the outbound ones. */
  botUserId: number;
  editedAt?: Date | null;
};

/**
 * A message's id is its `body.mid`. A forward-only message has `body: null` and so no id: it is
 * keyed by what identifies it and comes back the same on redelivery — its chat, its time and the
 * forwarded message's id (docs/providers/max.md, "body: null"). Without either, it cannot be stored.
 */
export function messageKeyOf(message: MaxMessage): string {
  if (message.body) return message.body.mid;
  const forwardedMid = message.link?.message?.mid;
  if (!forwardedMid) throw new Error("a MAX message with neither a body nor a linked message has no id");
  return `fwd:${message.recipient.chat_id ?? ""}:${message.timestamp}:${forwardedMid}`;
}

export function mapMessage(message: MaxMessage, context: MessageContext): NormalizedMessage {
  const { sender } = message;
  const forwarded = message.link?.type === "forward" ? attachmentsOf(message.link.message) : [];
  return {
    externalId: messageKeyOf(message),
    chatExternalId: context.chatExternalId,
    direction: isOwnMessage(message, context.botUserId) ? "outbound" : "inbound",
    systemEvent: null,
    authorName: userName(sender),
    authorExternalId: sender ? String(sender.user_id) : null,
    text: textOf(message),
    createdAt: new Date(message.timestamp),
    editedAt: context.editedAt ?? null,
    deletedAt: null,
    replyTo: replyQuote(message),
    reactions: [],
    attachments: [...attachmentsOf(message.body), ...forwarded],
    deliveryState: null,
    raw: message,
  };
}

/** The chat a message belongs to: its recipient's chat id, which MAX documents as nullable. */
export function chatIdOfMessage(message: MaxMessage): string | null {
  const chatId = message.recipient.chat_id;
  return chatId === null || chatId === undefined ? null : String(chatId);
}

/**
 * One MAX update → what the sync engine acts on; null for updates the inbox does not use
 * (message_callback, dialog_muted...) and for a message without a chat id (nowhere to put it).
 */
export function mapUpdate(update: MaxUpdate, botUserId: number): ProviderUpdate | null {
  if (!isKnownUpdate(update)) return null;
  switch (update.update_type) {
    case "message_created":
    case "message_edited": {
      const chatExternalId = chatIdOfMessage(update.message);
      if (chatExternalId === null) return null;
      const editedAt = update.update_type === "message_edited" ? new Date(update.timestamp) : null;
      return {
        type: "message_upserted",
        chatExternalId,
        message: mapMessage(update.message, { chatExternalId, botUserId, editedAt }),
      };
    }
    case "message_removed":
      return {
        type: "message_removed",
        chatExternalId: update.chat_id === null || update.chat_id === undefined ? null : String(update.chat_id),
        messageExternalId: update.message_id,
        at: new Date(update.timestamp),
      };
    default:
      return { type: "chat_changed", chatExternalId: String(update.chat_id) };
  }
}

export function mapParticipant(member: MaxChatMember): NormalizedParticipant {
  return {
    externalId: String(member.user_id),
    name: userName(member),
    username: member.username ?? null,
    // GET /chats/{id}/members lists the current members only.
    isActive: true,
    isBot: member.is_bot ?? false,
    joinedAt: typeof member.join_time === "number" ? new Date(member.join_time) : null,
    invitedBy: null,
    raw: member,
  };
}
