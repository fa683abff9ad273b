/**
 * SmartSender behind the ChatProvider interface.
 * Docs: docs/providers/seeds/001_4c7582a753ef1710.txt and docs/providers/smartsender.md.
 *
 * Capabilities are exactly what the documents support: chats (paged), one chat, messages
 * (paged, newest first), read, close, and sending text to the chat's contact. SmartSender
 * documents no reply quotes (so no sendReply) and no webhooks: it is synced by polling.
 *
 * config.credentials.token: the project's API token; config.settings: `smartsenderSettingsSchema`
 * (descriptor.types.ts), all optional and mostly for tests.
 */
import { badItemError, ProviderError } from "@/lib/providers/errors";
import { eachItem, oneItem } from "@/lib/providers/items";
import { type ChatState, createSmartSenderClient } from "@/lib/providers/smartsender/client";
import { smartsenderSettingsSchema } from "@/lib/providers/smartsender/descriptor.types";
import { SMARTSENDER_LOCKOUT } from "@/lib/providers/smartsender/lockout";
import { mapChat, mapMessage } from "@/lib/providers/smartsender/mapper";
import { chatSchema, messageSchema, type SmartSenderChat } from "@/lib/providers/smartsender/wire";
import type { ChatProvider, ConnectionConfig, NormalizedChat, Page, SkippedItem } from "@/lib/providers/types";

/**
 * The chat list is walked twice, open chats then closed ones, because a Chat object does not
 * say whether it is closed: only the `state` filter it was listed with does.
 * Cursor: "<state>:<page>".
 */
type ChatListPosition = { state: ChatState; page: number };

function parseChatCursor(cursor: string | null): ChatListPosition {
  if (cursor === null) return { state: "open", page: 1 };
  const match = /^(open|closed):([1-9]\d*)$/.exec(cursor);
  if (!match) throw new ProviderError("invalid_input", `Not a SmartSender chat list cursor: ${cursor}`);
  return { state: match[1] as ChatState, page: Number(match[2]) };
}

function nextChatCursor(position: ChatListPosition, cursor: { page: number; pages: number }): string | null {
  const current = Math.max(position.page, cursor.page);
  if (current < cursor.pages) return `${position.state}:${current + 1}`;
  return position.state === "open" ? "closed:1" : null;
}

/** Unread pages read per cycle at most; more unread chats than that are reached by the next cycles' walks. */
const MAX_UNREAD_PAGES = 10;
const DEFAULT_ROLLING_PAGES = 5;

function parseRollingCursor(cursor: string | null): number {
  if (cursor === null) return 1;
  if (!/^[1-9]\d*$/.test(cursor))
    throw new ProviderError("invalid_input", `Not a SmartSender open-chats page: ${cursor}`);
  return Number(cursor);
}

function parseMessageCursor(cursor: string | null): number {
  if (cursor === null) return 1;
  if (!/^[1-9]\d*$/.test(cursor)) throw new ProviderError("invalid_input", `Not a SmartSender message page: ${cursor}`);
  return Number(cursor);
}

export function createSmartSenderProvider(config: ConnectionConfig): ChatProvider {
  const parsedSettings = smartsenderSettingsSchema.safeParse(config.settings);
  if (!parsedSettings.success) {
    throw new ProviderError("invalid_input", `SmartSender settings are invalid: ${parsedSettings.error.message}`);
  }
  const settings = parsedSettings.data;
  const rollingPages = settings.rollingPages ?? DEFAULT_ROLLING_PAGES;
  const client = createSmartSenderClient({
    baseUrl: config.baseUrl,
    token: config.credentials.token ?? null,
    timeoutMs: settings.timeoutMs,
    requestsPerWindow: settings.requestsPerMinute,
    rateWindowMs: settings.rateLimitWindowMs,
    lockout: {
      lockoutMs: settings.lockoutMs ?? SMARTSENDER_LOCKOUT.lockoutMs,
      maxLockoutMs: settings.maxLockoutMs ?? SMARTSENDER_LOCKOUT.maxLockoutMs,
    },
  });
  // What listing taught us, so getChat keeps a closed chat closed and sendText needs no extra lookup.
  const contactIdByChat = new Map<string, string>();
  const stateByChat = new Map<string, ChatState>();

  const toChat = (chat: SmartSenderChat, listedAs: ChatState | null): NormalizedChat => {
    const externalId = String(chat.id);
    // The Contact id the send endpoint takes is `contact.originalId`; `contact.id` is another id
    // space and could name someone else (docs/providers/smartsender.md "which id to send to").
    const originalId = chat.contact.originalId;
    if (originalId !== null && originalId !== undefined) contactIdByChat.set(externalId, String(originalId));
    else contactIdByChat.delete(externalId);
    if (listedAs) stateByChat.set(externalId, listedAs);
    return mapChat(chat, listedAs ?? stateByChat.get(externalId) ?? null);
  };

  /** A chat fetched on its own; one that fails `chatSchema` is a "bad_item" (skipped and counted by the sync). */
  const fetchChat = async (chatExternalId: string, signal?: AbortSignal): Promise<NormalizedChat> => {
    const { item, skipped } = oneItem("chat", chatSchema, await client.getChat(chatExternalId, signal), (chat) =>
      toChat(chat, null),
    );
    if (skipped) throw badItemError("SmartSender", skipped);
    return item;
  };

  const contactIdOf = async (chatExternalId: string, signal?: AbortSignal): Promise<string> => {
    const known = contactIdByChat.get(chatExternalId);
    if (known) return known;
    await fetchChat(chatExternalId, signal);
    const learned = contactIdByChat.get(chatExternalId);
    // Never contact.id instead: it may be another person. Not retried: asking again gives the same chat.
    if (!learned) throw new ProviderError("bad_request", "SmartSender gave no contact id for this chat");
    return learned;
  };

  /**
   * A polling cycle after the first full walk (docs/providers/smartsender.md "stopping early"): the
   * list has no documented order, so it cannot stop at the first unchanged chat. Instead: every
   * unread chat (`selector[name]=unread`, open then closed, usually one page each: the chats
   * customers wrote in), then a
   * few pages of open chats, going on where the last cycle stopped and wrapping around, for what
   * unread cannot show (colleagues' answers in SmartSender, renames, chats read elsewhere).
   */
  const recentChats = async (cursor: string | null, signal?: AbortSignal): Promise<Page<NormalizedChat>> => {
    const chats = new Map<string, NormalizedChat>();
    const skipped: SkippedItem[] = [];
    const take = (collection: unknown[], listedAs: ChatState) => {
      const read = eachItem("collection", chatSchema, collection, (chat) => toChat(chat, listedAs));
      for (const chat of read.items) chats.set(chat.externalId, chat);
      skipped.push(...read.skipped);
    };
    // Unread open chats, then unread closed ones: listed by state, a new closed chat is stored closed.
    for (const state of ["open", "closed"] as const) {
      for (let page = 1; page <= MAX_UNREAD_PAGES; page += 1) {
        const answer = await client.listUnreadChats(page, state, signal);
        take(answer.collection, state);
        if (Math.max(page, answer.cursor.page) >= answer.cursor.pages) break;
      }
    }
    let next: number | null = parseRollingCursor(cursor);
    for (let read = 0; read < rollingPages && next !== null; read += 1) {
      const answer = await client.listChats(next, "open", signal);
      take(answer.collection, "open");
      const current = Math.max(next, answer.cursor.page);
      next = current < answer.cursor.pages ? current + 1 : null;
    }
    return { items: [...chats.values()], nextCursor: next === null ? null : String(next), skipped };
  };

  return {
    kind: "smartsender",
    recentChats,
    capabilities: {
      async listChats(cursor, signal): Promise<Page<NormalizedChat>> {
        const position = parseChatCursor(cursor);
        const page = await client.listChats(position.page, position.state, signal);
        const { items, skipped } = eachItem("collection", chatSchema, page.collection, (chat) =>
          toChat(chat, position.state),
        );
        return { items, nextCursor: nextChatCursor(position, page.cursor), skipped };
      },

      getChat: fetchChat,

      async listMessages(chatExternalId, cursor, signal) {
        const page = parseMessageCursor(cursor);
        const answer = await client.listMessages(chatExternalId, page, signal);
        const current = Math.max(page, answer.cursor.page);
        const { items, skipped } = eachItem("collection", messageSchema, answer.collection, (message) =>
          mapMessage(message, chatExternalId),
        );
        return { items, nextCursor: current < answer.cursor.pages ? String(current + 1) : null, skipped };
      },

      async markRead(chatExternalId, signal) {
        await client.readChat(chatExternalId, signal);
      },

      async closeChat(chatExternalId, signal) {
        await client.closeChat(chatExternalId, signal);
        stateByChat.set(chatExternalId, "closed");
      },

      async sendText(input, signal) {
        if (input.text.trim() === "") throw new ProviderError("invalid_input", "SmartSender cannot send an empty text");
        const contactId = await contactIdOf(input.chatExternalId, signal);
        const answer = await client.sendText(contactId, input.text, signal);
        // Sent is sent: an echo the inbox cannot read is no reason to send the text again.
        return oneItem("message", messageSchema, answer, (message) => mapMessage(message, input.chatExternalId)).item;
      },
      async sendFile(input, signal) {
        const contactId = await contactIdOf(input.chatExternalId, signal);
        const type = input.file.kind === "image" ? "picture" : "file";
        const answer = await client.sendMedia(contactId, type, input.file.url, signal);
        return oneItem("message", messageSchema, answer, (message) => mapMessage(message, input.chatExternalId)).item;
      },
    },
  };
}
