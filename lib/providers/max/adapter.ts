/**
 * The MAX Bot API behind the inbox's ChatProvider. Docs: seed docs/providers/seeds/003_1ec703991a94c4d2.txt
 * (GET /chats/{chatLink}, the Chat object) and docs/providers/max.md.
 *
 * Capabilities are what those documents give: chats are learned from long polling (GET /chats
 * is retired, so there is no listChats) and fetched one by one; no read receipts, closing or
 * member removal. Connection: `baseUrl`, `credentials.token` and the optional settings of
 * `maxSettingsSchema` (descriptor.types.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { badItemError, isProviderError, ProviderError } from "@/lib/providers/errors";
import { eachItem, oneItem } from "@/lib/providers/items";
import { ATTACHMENT_NOT_READY, createMaxClient, type NewMessageBody } from "@/lib/providers/max/client";
import { maxSettingsSchema } from "@/lib/providers/max/descriptor.types";
import {
  chatIdOfMessage,
  mapChat,
  mapMessage,
  mapParticipant,
  mapUpdate,
  messageKeyOf,
} from "@/lib/providers/max/mapper";
import { decodeCursor, encodeCursor, pageAfter } from "@/lib/providers/max/message-cursor";
import {
  CHAT_ID_PATTERN,
  CHAT_LINK_PATTERN,
  chatMemberSchema,
  chatSchema,
  messageSchema,
  updateSchema,
} from "@/lib/providers/max/schemas";
import { uploadToMax } from "@/lib/providers/max/upload";
import type {
  Capabilities,
  ChatProvider,
  ConnectionConfig,
  NormalizedParticipant,
  ProviderWebhooks,
  SendFileInput,
  SendTextInput,
  SkippedItem,
} from "@/lib/providers/types";

const MAX_TEXT_LENGTH = 4000;
const MEMBERS_PAGE = 100;
const UPDATES_LIMIT = 1000;
const MAX_POLL_SECONDS = 90;

/** Only the updates the inbox acts on; MAX skips the rest (callbacks, mutes...) for us. */
const UPDATE_TYPES = [
  "message_created",
  "message_edited",
  "message_removed",
  "bot_added",
  "bot_removed",
  "user_added",
  "user_removed",
  "bot_started",
  "chat_title_changed",
  "bot_stopped",
  "dialog_removed",
];

function requireChatId(chatExternalId: string): string {
  // A non-numeric id would reach GET /chats/{chatLink} and look up a link instead.
  if (!CHAT_ID_PATTERN.test(chatExternalId)) {
    throw new ProviderError("invalid_input", `"${chatExternalId}" is not a MAX chat id (an int64)`);
  }
  return chatExternalId;
}

/** A file MAX is still processing is asked for again this many times, waiting longer each time. */
const NOT_READY_ATTEMPTS = 5;
const NOT_READY_WAIT_MS = 500;

function requireText(text: string): string {
  if (text.trim() === "") throw new ProviderError("invalid_input", "A MAX message needs text");
  // MAX counts characters; a string's length counts UTF-16 units (an emoji is two).
  if ([...text].length > MAX_TEXT_LENGTH) {
    throw new ProviderError("invalid_input", `MAX messages are at most ${MAX_TEXT_LENGTH} characters`);
  }
  return text;
}

export function createMaxProvider(config: ConnectionConfig): ChatProvider {
  const parsedSettings = maxSettingsSchema.safeParse(config.settings);
  if (!parsedSettings.success) {
    throw new ProviderError("invalid_input", `MAX connection settings: ${parsedSettings.error.message}`);
  }
  const settings = parsedSettings.data;
  const pageSize = settings.pageSize ?? 100;
  const client = createMaxClient({
    baseUrl: config.baseUrl,
    token: config.credentials.token ?? "",
    timeoutMs: settings.timeoutMs,
  });

  // Outbound means "sent by this bot", so the bot's own id is asked once (GET /me) and kept.
  let botUserId: Promise<number> | null = null;
  const ownUserId = (signal?: AbortSignal): Promise<number> => {
    if (!botUserId) {
      const asked = client.getMe(signal).then((bot) => bot.user_id);
      asked.catch(() => {
        if (botUserId === asked) botUserId = null;
      });
      botUserId = asked;
    }
    return botUserId;
  };

  /**
   * The answer is the message just sent, so it is outbound whoever MAX names as its sender;
   * not asking GET /me here means a failure there can never hide a message that went out.
   */
  const post = async (chatExternalId: string, body: NewMessageBody, signal?: AbortSignal) => {
    const answer = await client.sendMessage(chatExternalId, body, signal);
    // Sent is sent: an echo the inbox cannot read is no reason to send the text again.
    const { item } = oneItem("message", messageSchema, answer.message, (message) =>
      mapMessage(message, {
        chatExternalId: chatIdOfMessage(message) ?? chatExternalId,
        botUserId: message.sender?.user_id ?? Number.NaN,
      }),
    );
    return item ? { ...item, direction: "outbound" as const } : null;
  };

  const send = async (input: SendTextInput, replyTo: string | null, signal?: AbortSignal) => {
    const text = requireText(input.text);
    const body = replyTo ? { text, link: { type: "reply" as const, mid: replyTo } } : { text };
    return post(requireChatId(input.chatExternalId), body, signal);
  };

  /** Uploads the file, then sends it (MAX answers `attachment.not.ready` while it still processes it). */
  const sendFile = async (input: SendFileInput, signal?: AbortSignal) => {
    const chatExternalId = requireChatId(input.chatExternalId);
    const token = await uploadToMax(client, config.baseUrl, input.file, signal);
    const body: NewMessageBody = {
      ...(input.caption ? { text: requireText(input.caption) } : {}),
      attachments: [{ type: input.file.kind === "image" ? "image" : "file", payload: { token } }],
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await post(chatExternalId, body, signal);
      } catch (error) {
        const processing = isProviderError(error) && error.providerMessage === ATTACHMENT_NOT_READY;
        if (!processing || attempt >= NOT_READY_ATTEMPTS) throw error;
        await sleep(NOT_READY_WAIT_MS * attempt, undefined, { signal });
      }
    }
  };

  const readChat = (raw: unknown) => {
    const { item, skipped } = oneItem("chat", chatSchema, raw, mapChat);
    if (skipped) throw badItemError("MAX", skipped);
    return item;
  };

  const getChat = async (chatExternalId: string, signal?: AbortSignal) =>
    readChat(await client.getChat(requireChatId(chatExternalId), signal));

  const capabilities: Partial<Capabilities> = {
    getChat,

    async listMessages(chatExternalId, cursor, signal) {
      const chatId = requireChatId(chatExternalId);
      const position = cursor === null ? null : decodeCursor(cursor);
      const [page, botId] = await Promise.all([
        client.getMessages({ chatId, from: position?.from ?? null, count: pageSize }, signal),
        ownUserId(),
      ]);
      const read = eachItem("messages", messageSchema, page.messages, (message) => ({
        key: messageKeyOf(message),
        timestamp: message.timestamp,
        row: mapMessage(message, { chatExternalId: chatId, botUserId: botId }),
      }));
      const { fresh, next } = pageAfter(read.items, pageSize, position, page.messages.length);
      return {
        items: fresh.map((message) => message.row),
        nextCursor: next ? encodeCursor(next) : null,
        skipped: read.skipped,
      };
    },

    /**
     * Since the schema of 2026-05-07, without a marker MAX answers only the last update
     * (docs/providers/max.md): the stored marker is always sent once there is one.
     */
    async pollUpdates(marker, timeoutSec, signal) {
      if (marker !== null && !/^\d+$/.test(marker)) {
        throw new ProviderError("invalid_input", `"${marker}" is not a MAX updates marker`);
      }
      const timeout = Math.min(Math.max(Math.round(timeoutSec), 0), MAX_POLL_SECONDS);
      const [page, botId] = await Promise.all([
        client.getUpdates({ marker, limit: UPDATES_LIMIT, timeoutSec: timeout, types: UPDATE_TYPES }, signal),
        ownUserId(),
      ]);
      const { items: updates, skipped } = eachItem("updates", updateSchema, page.updates, (update) =>
        mapUpdate(update, botId),
      );
      return {
        updates,
        marker: page.marker === null || page.marker === undefined ? marker : String(page.marker),
        skipped,
      };
    },

    sendText: (input, signal) => send(input, null, signal),

    sendFile,

    sendReply: (input, signal) => send(input, input.replyToExternalId, signal),

    async listParticipants(chatExternalId, signal) {
      const chatId = requireChatId(chatExternalId);
      const members: NormalizedParticipant[] = [];
      const skipped: SkippedItem[] = [];
      let marker: number | null = null;
      do {
        const page = await client.getMembers(chatId, marker, MEMBERS_PAGE, signal);
        // An unreadable member is left out of the list (and counted); the list itself is not worth failing over it.
        const read = eachItem("members", chatMemberSchema, page.members, mapParticipant);
        members.push(...read.items);
        skipped.push(...read.skipped);
        const next = page.marker ?? null;
        if (next !== null && next === marker) {
          throw new ProviderError("malformed", "MAX answered the same members marker twice");
        }
        marker = next;
      } while (marker !== null);
      return { items: members, skipped };
    },

    async lookupByLink(link, signal) {
      if (!CHAT_LINK_PATTERN.test(link)) {
        throw new ProviderError("invalid_input", `"${link}" is not a MAX public link or username`);
      }
      try {
        return readChat(await client.getChatByLink(link, signal));
      } catch (error) {
        // Since 2026-06 MAX resolves public channels only: a group or a username is "not found by link".
        if (
          isProviderError(error, "not_found") ||
          (isProviderError(error, "bad_request") && [400, 405].includes(error.status ?? 0))
        ) {
          return null;
        }
        throw error;
      }
    },

    /** The chat's own `link` (public, or a private join link); MAX has no separate invitation call. */
    async invitationLink(chatExternalId, signal) {
      return (await getChat(chatExternalId, signal)).publicLink;
    },
  };

  /** docs/providers/max.md "Webhooks": a 200 may still say `success: false`. */
  const succeeded = (answer: { success: boolean; message?: string | null }, what: string) => {
    if (!answer.success)
      throw new ProviderError("bad_request", `MAX refused to ${what}: ${answer.message ?? "no reason given"}`);
  };

  const webhooks: ProviderWebhooks = {
    secretHeader: "x-max-bot-api-secret",
    async subscribe(url, secret, signal) {
      succeeded(await client.subscribe({ url, update_types: UPDATE_TYPES, secret }, signal), "subscribe");
    },
    async subscribedUrls(signal) {
      return ((await client.listSubscriptions(signal)).subscriptions ?? []).map((subscription) => subscription.url);
    },
    async unsubscribe(url, signal) {
      succeeded(await client.unsubscribe(url, signal), "unsubscribe");
    },
    /** One `Update` per request, the same object long polling gets in `updates`. */
    async readDelivery(body, signal) {
      const botId = await ownUserId(signal);
      const { items: updates, skipped } = eachItem("update", updateSchema, [body], (update) =>
        mapUpdate(update, botId),
      );
      return { updates, marker: null, skipped };
    },
  };

  return {
    kind: "max",
    capabilities,
    webhooks,
    linkPattern: CHAT_LINK_PATTERN.source,
    checkAccess: async (signal) => {
      await client.getMe(signal);
    },
  };
}
