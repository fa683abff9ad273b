/**
 * The Chat operations API (chat manager) behind the ChatProvider interface.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 *
 * Capabilities are exactly what the documents support: chats (paged), one chat, its
 * participants (from the chat detail), removing a participant, the invitation link, creating
 * a chat and posting a text. No message list, updates feed, read marks, replies or closing
 * are documented, so there is no listMessages, pollUpdates, markRead, sendReply or closeChat:
 * messages written by customers cannot be discovered through this API.
 *
 * config.credentials.token: the API token (sent as `Authorization: Bearer <token>`);
 * config.settings: `chatopsSettingsSchema` (descriptor.types.ts), all optional, for tests and
 * unusual installations.
 */
import { createChatOpsClient, DEFAULT_RATE_LIMIT } from "@/lib/providers/chatops/client";
import { chatopsSettingsSchema } from "@/lib/providers/chatops/descriptor.types";
import { mapChat, mapMessage, mapParticipants, sentMessage } from "@/lib/providers/chatops/mapper";
import { type ChatOpsChat, chatSchema, messageSchema } from "@/lib/providers/chatops/wire";
import { badItemError, ProviderError } from "@/lib/providers/errors";
import { eachItem, oneItem } from "@/lib/providers/items";
import type { ChatProvider, ConnectionConfig, NormalizedMessage } from "@/lib/providers/types";

/** Cursor: the next page number (pages count from 0). */
function pageOf(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d+$/.test(cursor)) throw new ProviderError("invalid_input", `Not a Chat operations page: ${cursor}`);
  return Number(cursor);
}

export function createChatOpsProvider(config: ConnectionConfig): ChatProvider {
  const parsedSettings = chatopsSettingsSchema.safeParse(config.settings);
  if (!parsedSettings.success) {
    throw new ProviderError("invalid_input", `Chat operations settings are invalid: ${parsedSettings.error.message}`);
  }
  const settings = parsedSettings.data;
  const client = createChatOpsClient({
    baseUrl: config.baseUrl,
    token: config.credentials.token ?? null,
    timeoutMs: settings.timeoutMs,
    rateLimit: {
      limit: settings.requestsPerWindow ?? DEFAULT_RATE_LIMIT.limit,
      windowMs: settings.rateLimitWindowMs ?? DEFAULT_RATE_LIMIT.windowMs,
    },
    maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
  });

  /** A chat fetched on its own; one that fails `chatSchema` is a "bad_item" (skipped and counted by the sync). */
  const fetchChat = async (chatExternalId: string, signal?: AbortSignal): Promise<ChatOpsChat> => {
    const { item, skipped } = oneItem("chat", chatSchema, await client.getChat(chatExternalId, signal), (chat) => chat);
    if (skipped) throw badItemError("Chat operations", skipped);
    return item;
  };

  return {
    kind: "chatops",
    capabilities: {
      async listChats(cursor, signal) {
        const page = pageOf(cursor);
        const answer = await client.listChats(page, signal);
        // An empty page ends the walk even if the metadata promises more.
        const hasMore = answer.records.length > 0 && page + 1 < answer._metadata.totalPages;
        const { items, skipped } = eachItem("records", chatSchema, answer.records, mapChat);
        return { items, nextCursor: hasMore ? String(page + 1) : null, skipped };
      },

      async getChat(chatExternalId, signal) {
        return mapChat(await fetchChat(chatExternalId, signal));
      },

      async listParticipants(chatExternalId, signal) {
        return mapParticipants(await fetchChat(chatExternalId, signal));
      },

      async removeParticipant(chatExternalId, participantExternalId, signal) {
        await client.removeParticipant(chatExternalId, participantExternalId, signal);
      },

      async invitationLink(chatExternalId, signal) {
        return client.invitation(chatExternalId, signal);
      },

      async createChat(input, signal) {
        return { externalId: await client.createChat(input, signal) };
      },

      async sendText(input, signal): Promise<NormalizedMessage | null> {
        if (input.text.trim() === "") {
          throw new ProviderError("invalid_input", "The Chat operations API cannot send an empty text");
        }
        const postedAt = new Date();
        const messageId = await client.postMessage(input.chatExternalId, input.text, signal);
        if (messageId === null) return null;
        try {
          const answer = await client.getMessage(input.chatExternalId, messageId, signal);
          const { item } = oneItem("message", messageSchema, answer, (message) =>
            mapMessage(message, { chatExternalId: input.chatExternalId, direction: "outbound" }),
          );
          return (
            item ?? sentMessage({ id: messageId, chatExternalId: input.chatExternalId, text: input.text, postedAt })
          );
        } catch (error) {
          // The message is sent once the POST succeeded: a failed read-back must not make the
          // outbox send it again, so it only costs us the details the provider would have added.
          if (error instanceof ProviderError) {
            return sentMessage({ id: messageId, chatExternalId: input.chatExternalId, text: input.text, postedAt });
          }
          throw error;
        }
      },
    },
  };
}
