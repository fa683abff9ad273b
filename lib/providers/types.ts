import type { OutgoingFileKind } from "@/lib/providers/outgoing-files.types";

/**
 * The one interface every messenger provider implements. The rest of the app asks a
 * provider for a capability (`provider.capabilities.markRead`) and never looks at its kind.
 */

export const PROVIDER_KINDS = ["tgbridge", "smartsender", "max", "chatops"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

// ───────────────────────────── Normalized rows ─────────────────────────────

export type ChatKind = "dialog" | "group" | "channel";
export type ChatStatus = "open" | "closed";

export type NormalizedChat = {
  /** The provider's id of the chat, as a string (ids may be numbers, UUIDs or negative int64). */
  externalId: string;
  kind: ChatKind;
  title: string;
  avatarUrl: string | null;
  status: ChatStatus;
  /** The provider's own status word, verbatim ("left", "removed", bridge State, ...). */
  providerStatus: string | null;
  phone: string | null;
  /** A public or invitation link the provider reports with the chat itself (MAX `link`). */
  publicLink: string | null;
  participantsCount: number | null;
  /** Only where the provider reports one (SmartSender: sum of gates' unreadMessages). */
  providerUnreadCount: number | null;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  createdAt: Date | null;
  /** Everything the provider sent for this chat, untouched. */
  raw: unknown;
};

export type MessageDirection = "inbound" | "outbound" | "system";

export type NormalizedReaction = {
  emoji: string;
  authorExternalId: string | null;
  authorName: string | null;
};

export type AttachmentKind =
  | "image"
  | "video"
  | "audio"
  | "voice"
  | "file"
  | "sticker"
  | "animation"
  | "location"
  | "contact"
  | "share"
  | "other";

export type NormalizedAttachment = {
  kind: AttachmentKind;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  latitude: number | null;
  longitude: number | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Caption, share title or sticker code: a short human label. */
  title: string | null;
  raw: unknown;
};

export type ReplyQuote = {
  /** The quoted message's external id, when the provider gives it. */
  externalId: string | null;
  authorName: string | null;
  text: string | null;
};

export type NormalizedMessage = {
  externalId: string;
  chatExternalId: string;
  direction: MessageDirection;
  /** For direction "system": what happened, e.g. "chat_closed", "chat_opened", "member_added". */
  systemEvent: string | null;
  authorName: string | null;
  authorExternalId: string | null;
  text: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  replyTo: ReplyQuote | null;
  /** The complete current set: the sync replaces a message's reactions with it. */
  reactions: NormalizedReaction[];
  attachments: NormalizedAttachment[];
  /** For outbound messages when the provider reports it. */
  deliveryState: "sent" | "delivered" | "read" | null;
  raw: unknown;
};

export type NormalizedParticipant = {
  externalId: string;
  name: string | null;
  username: string | null;
  isActive: boolean;
  isBot: boolean;
  joinedAt: Date | null;
  invitedBy: string | null;
  raw: unknown;
};

// ───────────────────────────── Paging and updates ─────────────────────────────

/** A provider item that failed its schema and was skipped (docs/providers/README.md, rule 1). */
export type SkippedItem = {
  /** The provider's own id of the item when one can be read from it (else null). */
  providerId: string | null;
  /** Where in the response it failed, e.g. `collection[3].sender.type`. */
  path: string;
  /** What was wrong, in the schema's words (never the item's contents). */
  reason: string;
};

/**
 * A page of results and the opaque cursor of the next one (null: this was the last page).
 * `skipped`: items of the page that failed their schema (docs/providers/README.md, rule 1); the
 * cursor moves past them all the same.
 */
export type Page<T> = { items: T[]; nextCursor: string | null; skipped?: SkippedItem[] };

export type ProviderUpdate =
  | { type: "message_upserted"; chatExternalId: string; message: NormalizedMessage }
  | { type: "message_removed"; chatExternalId: string | null; messageExternalId: string; at: Date }
  /** Something about the chat changed (new chat, title, members, bot added/removed): fetch it again. */
  | { type: "chat_changed"; chatExternalId: string };

export type UpdatesBatch = { updates: ProviderUpdate[]; marker: string | null; skipped?: SkippedItem[] };

// ───────────────────────────── Capabilities ─────────────────────────────

export type SendTextInput = {
  chatExternalId: string;
  text: string;
  /** The external id of the message this one replies to (only with `sendReply`). */
  replyToExternalId?: string | null;
  /** The inbox's own id of this send (a UUID); providers that accept an idempotency key get it. */
  clientId: string;
};

/**
 * One file of an agent's reply: at a URL of ours the provider may download it from (signed,
 * expiring), or its bytes for a provider that takes uploads.
 */
export type SendFileInput = {
  chatExternalId: string;
  file: {
    kind: OutgoingFileKind;
    fileName: string;
    mimeType: string;
    size: number;
    url: string;
    content: () => Promise<Uint8Array>;
  };
  /** The message's text, for providers whose file messages carry one (`withText` in their policy). */
  caption: string | null;
  clientId: string;
};

export type ParticipantList = { items: NormalizedParticipant[]; skipped?: SkippedItem[] };

export type PhoneLookupInput = { phone: string; name: string; source: number };

/** `skipped`: messages of the answer that failed their schema (counted on the connection by the caller). */
export type ChatWithMessages = { chat: NormalizedChat; messages: NormalizedMessage[]; skipped?: SkippedItem[] };

export type Capabilities = {
  /** Every chat, page by page (`cursor` null: first page). */
  listChats: (cursor: string | null, signal?: AbortSignal) => Promise<Page<NormalizedChat>>;
  getChat: (chatExternalId: string, signal?: AbortSignal) => Promise<NormalizedChat>;
  /**
   * Messages of a chat, newest page first; `cursor` null gives the newest page and each
   * next cursor goes further back in time. Items within a page may be in any order.
   */
  listMessages: (
    chatExternalId: string,
    cursor: string | null,
    signal?: AbortSignal,
  ) => Promise<Page<NormalizedMessage>>;
  /** Long polling: waits up to `timeoutSec` for updates after `marker` (null: the provider's default start; MAX: everything not yet acknowledged). */
  pollUpdates: (marker: string | null, timeoutSec: number, signal?: AbortSignal) => Promise<UpdatesBatch>;
  markRead: (chatExternalId: string, signal?: AbortSignal) => Promise<void>;
  /** Sends a message; returns it when the provider answers with it, else null. */
  sendText: (input: SendTextInput, signal?: AbortSignal) => Promise<NormalizedMessage | null>;
  /** Sends one file (the descriptor's `outgoingFiles` policy says which); returns the provider's copy when given. */
  sendFile: (input: SendFileInput, signal?: AbortSignal) => Promise<NormalizedMessage | null>;
  /** Present when `sendText` honours `replyToExternalId`. */
  sendReply: (
    input: SendTextInput & { replyToExternalId: string },
    signal?: AbortSignal,
  ) => Promise<NormalizedMessage | null>;
  closeChat: (chatExternalId: string, signal?: AbortSignal) => Promise<void>;
  /** An invitation link to the chat, or null when it has none. */
  invitationLink: (chatExternalId: string, signal?: AbortSignal) => Promise<string | null>;
  /** The chat's members; `skipped`: member entries that failed their schema (counted on the connection). */
  listParticipants: (chatExternalId: string, signal?: AbortSignal) => Promise<ParticipantList>;
  removeParticipant: (chatExternalId: string, participantExternalId: string, signal?: AbortSignal) => Promise<void>;
  createChat: (
    input: { title: string; description?: string; createdBy?: string },
    signal?: AbortSignal,
  ) => Promise<{ externalId: string }>;
  /** The active chat of a phone number, with its messages; null when there is none. */
  lookupByPhone: (input: PhoneLookupInput, signal?: AbortSignal) => Promise<ChatWithMessages | null>;
  /** A chat by its public link or username; null when there is none. Rejects invalid links before any request. */
  lookupByLink: (link: string, signal?: AbortSignal) => Promise<NormalizedChat | null>;
};

export type Capability = keyof Capabilities;

export const CAPABILITY_NAMES = [
  "listChats",
  "getChat",
  "listMessages",
  "pollUpdates",
  "markRead",
  "sendText",
  "sendFile",
  "sendReply",
  "closeChat",
  "invitationLink",
  "listParticipants",
  "removeParticipant",
  "createChat",
  "lookupByPhone",
  "lookupByLink",
] as const satisfies readonly Capability[];

/**
 * Delivery by webhook where the provider offers it (MAX): the provider POSTs each update to a
 * URL of ours with a secret in a header. Long polling and a subscription exclude each other.
 */
export type ProviderWebhooks = {
  /** The request header that carries the subscription's secret. */
  readonly secretHeader: string;
  /** Asks the provider to deliver to `url` with `secret`; resubscribing the same URL replaces it. */
  subscribe: (url: string, secret: string, signal?: AbortSignal) => Promise<void>;
  /** The URLs the provider delivers to now. */
  subscribedUrls: (signal?: AbortSignal) => Promise<string[]>;
  unsubscribe: (url: string, signal?: AbortSignal) => Promise<void>;
  /** One delivered body read as updates; an unreadable one is skipped and counted, never thrown. */
  readDelivery: (body: unknown, signal?: AbortSignal) => Promise<UpdatesBatch>;
};

export interface ChatProvider {
  readonly kind: ProviderKind;
  /** Exactly the capabilities this provider's API documents; absent ones are unsupported. */
  readonly capabilities: Partial<Capabilities>;
  /**
   * With `lookupByLink`: the source of a regular expression a link must match in full, so the
   * UI can validate as the agent types (the adapter still checks before any request).
   */
  readonly linkPattern?: string;
  /**
   * One cheap authenticated call that proves the URL and credentials work (the admin's "Test").
   * Without it the first page of `listChats` is asked.
   */
  checkAccess?: (signal?: AbortSignal) => Promise<void>;
  /**
   * After one full walk of `listChats`: a polling cycle's chats that may have changed, at a cost the
   * provider bounds (SmartSender: its unread chats and a few pages of a rolling walk), instead of
   * every page again. `cursor` is where the rolling part goes on (null: its start); the answer's
   * `nextCursor` is saved for the next cycle.
   */
  readonly recentChats?: (cursor: string | null, signal?: AbortSignal) => Promise<Page<NormalizedChat>>;
  /** Present when the provider can push updates to us instead of being polled. */
  readonly webhooks?: ProviderWebhooks;
  /** Releases timers and sockets (limiters, keep-alive agents). */
  close?: () => Promise<void>;
}

/** What the app stores per connection and hands to a provider factory. */
export type ConnectionConfig = {
  id: string;
  kind: ProviderKind;
  baseUrl: string;
  /** Decrypted credentials; shape per provider (e.g. `{ token }`). */
  credentials: Record<string, string>;
  /** Non-secret settings (e.g. `{ employeeId }` for the bridge). */
  settings: Record<string, unknown>;
};

export function declaredCapabilities(provider: ChatProvider): Capability[] {
  return CAPABILITY_NAMES.filter((name) => provider.capabilities[name] !== undefined);
}
