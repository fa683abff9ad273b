/**
 * SmartSender payloads → normalized rows. Pure functions, no I/O.
 * Docs: docs/providers/seeds/001_4c7582a753ef1710.txt (Chat) and docs/providers/smartsender.md
 * (Message and its content types). SmartSender documents no reactions, reply quotes or
 * edits, so messages never carry them.
 */

import { normalizedAttachment } from "@/lib/providers/attachment";
import type { SmartSenderChat, SmartSenderContent, SmartSenderMessage } from "@/lib/providers/smartsender/wire";
import type {
  AttachmentKind,
  ChatStatus,
  NormalizedAttachment,
  NormalizedChat,
  NormalizedMessage,
} from "@/lib/providers/types";

/**
 * SmartSender dates are "YYYY-MM-DD HH:MM:SS" without a zone. We read them as UTC (the
 * default of the Laravel stack the API runs on); nothing in the documents says otherwise.
 * An explicit zone (ISO 8601) is honoured.
 */
export function parseSmartSenderDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const iso = text
    .trim()
    .replace(" ", "T")
    .replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A count as PHP sends it (number, numeric string, null): a whole number ≥ 0, or null when unreadable. */
function countOf(value: number | string | null | undefined): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= 0 ? number : null;
}

/** The sum of the gates' unread counts; a top-level `unreadMessages` when no gate reports one. */
export function unreadCountOf(chat: SmartSenderChat): number | null {
  const counts = (chat.gates ?? []).flatMap((gate) => {
    const count = countOf(gate?.unreadMessages);
    return count === null ? [] : [count];
  });
  if (counts.length > 0) return counts.reduce((sum, count) => sum + count, 0);
  return countOf(chat.unreadMessages);
}

/**
 * `status` comes from the list filter the chat was found with (`state=open|closed`): the
 * Chat object itself carries no state. Unknown (a bare `GET /v1/chats/{id}`) counts as open.
 */
export function mapChat(chat: SmartSenderChat, status: ChatStatus | null = null): NormalizedChat {
  const title = chat.name?.trim();
  return {
    externalId: String(chat.id),
    kind: "dialog",
    title: title || `Contact ${chat.contact.id}`,
    avatarUrl: chat.image || null,
    status: status ?? "open",
    providerStatus: status,
    phone: null,
    publicLink: null,
    participantsCount: null,
    providerUnreadCount: unreadCountOf(chat),
    // The Chat has no last-message time; its updatedAt moves with its messages, which is
    // what the list sorts by until the messages themselves are synced.
    lastMessageAt: parseSmartSenderDate(chat.updatedAt),
    lastMessagePreview: null,
    createdAt: parseSmartSenderDate(chat.createdAt),
    raw: chat,
  };
}

type Parameters = Record<string, unknown>;

function textParam(parameters: Parameters, name: string): string | null {
  const value = parameters[name];
  return typeof value === "string" && value !== "" ? value : null;
}

function numberParam(parameters: Parameters, name: string): number | null {
  const value = parameters[name];
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parametersOf(content: unknown): Parameters {
  if (!isObject(content) || !isObject(content.resource) || !isObject(content.resource.parameters)) return {};
  return content.resource.parameters;
}

function fileNameOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const last = new URL(url).pathname.split("/").pop();
    return last ? decodeURIComponent(last) : null;
  } catch {
    return null;
  }
}

/** Content types whose parameters are a `url` (and maybe a `caption`). */
const MEDIA_KINDS: Record<string, AttachmentKind> = {
  picture: "image",
  telegramCaptionedPicture: "image",
  animation: "animation",
  file: "file",
  link: "share",
  video: "video",
  telegramVideoNote: "video",
  audio: "audio",
  voice: "voice",
};

const VIDEO_FILE = /\.(mp4|mov|webm|mkv|avi|m4v)$/i;

type Body = { text: string | null; attachments: NormalizedAttachment[] };

function mediaAttachment(kind: AttachmentKind, parameters: Parameters, raw: unknown): NormalizedAttachment {
  const url = textParam(parameters, "url");
  return normalizedAttachment(kind, raw, { url, fileName: kind === "share" ? null : fileNameOf(url) });
}

/** A media group item names its own type when SmartSender sends one; else its file tells photo from video. */
function mediaGroupBody(parameters: Parameters): Body {
  const items = Array.isArray(parameters.media) ? parameters.media : [];
  const attachments = items.map((item) => {
    const itemParameters = parametersOf(item);
    const type = isObject(item) && typeof item.type === "string" ? item.type : null;
    const url = textParam(itemParameters, "url");
    const kind = (type && MEDIA_KINDS[type]) || (url && VIDEO_FILE.test(url) ? "video" : "image");
    return mediaAttachment(kind, itemParameters, item);
  });
  const caption = items.map((item) => textParam(parametersOf(item), "caption")).find((text) => text !== null);
  return { text: textParam(parameters, "caption") ?? caption ?? null, attachments };
}

/** `pendingText`: `content` with every key of `replacement` replaced, literally, in the order given. */
function pendingText(parameters: Parameters): string | null {
  let text = textParam(parameters, "content");
  if (text === null || !isObject(parameters.replacement)) return text;
  for (const [key, value] of Object.entries(parameters.replacement)) {
    if (key !== "" && (typeof value === "string" || typeof value === "number"))
      text = text.replaceAll(key, String(value));
  }
  return text;
}

/** `telegramInvoice`: the receipt's title and description, the only parts documented anywhere (no amount). */
function invoiceText(parameters: Parameters): string | null {
  const receipt = isObject(parameters.receipt) ? parameters.receipt : {};
  const lines = [textParam(receipt, "title"), textParam(receipt, "description")].filter((line) => line !== null);
  return lines.length > 0 ? lines.join("\n") : null;
}

/** The bot keyboard under a message (`resource.buttons[].parameters.text`), as text: `[Yes] [No]`. */
function buttonsLine(content: unknown): string | null {
  if (!isObject(content) || !isObject(content.resource) || !Array.isArray(content.resource.buttons)) return null;
  const labels = content.resource.buttons.flatMap((button) => {
    const label = textParam(parametersOf({ resource: button }), "text");
    return label === null ? [] : [`[${label}]`];
  });
  return labels.length > 0 ? labels.join(" ") : null;
}

/** The message's text with its buttons' labels under it (docs/providers/smartsender.md "pendingText, invoices and buttons"). */
function withButtons(body: Body, content: unknown): Body {
  const buttons = buttonsLine(content);
  if (buttons === null) return body;
  return { ...body, text: body.text ? `${body.text}\n${buttons}` : buttons };
}

function bodyOf(content: SmartSenderContent | Parameters, parameters: Parameters): Body {
  return withButtons(contentBodyOf(content, parameters), content);
}

function contentBodyOf(content: SmartSenderContent | Parameters, parameters: Parameters): Body {
  const type = typeof content.type === "string" ? content.type : "";
  const mediaKind = MEDIA_KINDS[type];
  if (mediaKind) {
    return { text: textParam(parameters, "caption"), attachments: [mediaAttachment(mediaKind, parameters, content)] };
  }
  switch (type) {
    case "text":
    case "input":
    case "action":
      return { text: textParam(parameters, "content"), attachments: [] };
    case "pendingText":
      return { text: pendingText(parameters), attachments: [] };
    case "telegramInvoice":
      return { text: invoiceText(parameters), attachments: [] };
    case "mediaGroup":
      return mediaGroupBody(parameters);
    case "contact":
      return {
        text: null,
        attachments: [
          normalizedAttachment("contact", content, {
            contactName: textParam(parameters, "name"),
            contactPhone: textParam(parameters, "phoneNumber"),
          }),
        ],
      };
    case "location":
      return {
        text: null,
        attachments: [
          normalizedAttachment("location", content, {
            latitude: numberParam(parameters, "latitude"),
            longitude: numberParam(parameters, "longitude"),
            title: textParam(parameters, "title"),
          }),
        ],
      };
    default: {
      // A type the documents do not list: keep what a person can still read or open.
      const url = textParam(parameters, "url");
      return {
        text: textParam(parameters, "content") ?? textParam(parameters, "caption"),
        attachments: url
          ? [normalizedAttachment("other", content, { url, fileName: fileNameOf(url), title: type || null })]
          : [],
      };
    }
  }
}

/** When a `transient` (deleted) message was deleted: its `context.timestamp` if any, else its creation. */
function deletedAtOf(parameters: Parameters, createdAt: Date): Date {
  const context = isObject(parameters.context) ? parameters.context : {};
  const timestamp = context.timestamp;
  if (typeof timestamp === "number" && Number.isFinite(timestamp)) {
    return new Date(timestamp < 1e12 ? timestamp * 1000 : timestamp);
  }
  if (typeof timestamp === "string") return parseSmartSenderDate(timestamp) ?? createdAt;
  return createdAt;
}

function deliveryStateOf(message: SmartSenderMessage): NormalizedMessage["deliveryState"] {
  if (message.seenAt) return "read";
  if (message.deliveredAt) return "delivered";
  return "sent";
}

/**
 * `sender.type` "contact" is the customer; anything else (operator, bot) is us. Internal
 * messages never reach the customer: they are staff notes, shown as system entries.
 */
export function mapMessage(message: SmartSenderMessage, chatExternalId: string): NormalizedMessage {
  const createdAt = parseSmartSenderDate(message.createdAt) ?? new Date(0);
  const parameters = parametersOf(message.content);
  const deleted = message.content.type === "transient";
  const original = deleted && isObject(parameters.original) ? parameters.original : null;
  const body = deleted ? (original ? bodyOf(original, parametersOf(original)) : { text: null, attachments: [] }) : null;
  const { text, attachments } = body ?? bodyOf(message.content, parameters);
  const internal = message.internal === true || message.internal === 1 || message.internal === "1";
  // No sender (`sender: null`) is SmartSender's own entry: shown as a system line, not as ours.
  const senderType = message.sender?.type ?? null;
  const direction = internal || message.sender == null ? "system" : senderType === "contact" ? "inbound" : "outbound";
  return {
    externalId: String(message.id),
    chatExternalId,
    direction,
    systemEvent: internal ? "internal_note" : null,
    authorName: message.sender?.fullName || null,
    authorExternalId: null,
    text,
    createdAt,
    editedAt: null,
    deletedAt: deleted ? deletedAtOf(parameters, createdAt) : null,
    replyTo: null,
    reactions: [],
    attachments,
    deliveryState: direction === "outbound" ? deliveryStateOf(message) : null,
    raw: message,
  };
}
