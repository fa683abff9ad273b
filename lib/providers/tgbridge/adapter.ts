/**
 * The "Telegram" bridge behind the ChatProvider interface.
 * Docs: docs/providers/seeds/000_62f7899ae3925019.txt and docs/providers/tgbridge.md.
 *
 * Capabilities, each backed by a documented endpoint:
 * - listChats: GetChats (one page: the endpoint has no paging);
 * - getChat, listMessages: GetChatData/{id} (older pages through `extendDay`, see history.ts);
 * - lookupByPhone: GetActiveChatByPhone;
 * - sendText, sendReply (ReplyId), closeChat: SendChatTGMessage with MessageType Message or
 *   CloseChatMode ("a message of type CloseChatMode closes a chat"), whose numbers are the
 *   connection's settings `sendMessageType` and `closeMessageType` (defaults 2 and 0).
 * Nothing documents reading, participants, invitations or live updates, so those are absent.
 *
 * Configuration: `baseUrl`; `credentials.token` (optional, sent as a Bearer token); the settings
 * of `tgbridgeSettingsSchema` (descriptor.types.ts), above all `employeeId`, the staff member the
 * inbox acts as.
 */
import { ProviderError } from "@/lib/providers/errors";
import { eachItem } from "@/lib/providers/items";
import { createTgBridgeClient, type MessageStruct } from "@/lib/providers/tgbridge/client";
import { parseBridgeDate } from "@/lib/providers/tgbridge/dates";
import { tgbridgeSettingsSchema } from "@/lib/providers/tgbridge/descriptor.types";
import { readEnum, SOURCES } from "@/lib/providers/tgbridge/enums";
import {
  decodeHistoryCursor,
  encodeHistoryCursor,
  FIRST_PAGE,
  nextHistoryPosition,
} from "@/lib/providers/tgbridge/history";
import { mapActiveChat, mapChatData, mapChatDto, mapSentMessage } from "@/lib/providers/tgbridge/mapper";
import {
  type ChatData,
  type ChatDto,
  type ChatInfo,
  type MessageStructDto,
  readMessageRecords,
  toInt,
  ZChatDto,
} from "@/lib/providers/tgbridge/schemas";
import type { ChatProvider, ConnectionConfig, NormalizedMessage, SendTextInput } from "@/lib/providers/types";

/** What SendChatTGMessage gets besides the chat id, learned from the chat the last time we read it. */
type RecipientContext = Pick<MessageStruct, "ChatId" | "ChannelId" | "Phone" | "Source">;

function sourceNumber(value: number | string | null | undefined): number | undefined {
  const source = readEnum(SOURCES, value);
  if (!source) return undefined;
  if (source.name) return SOURCES.indexOf(source.name);
  return /^\d+$/.test(source.raw) ? Number(source.raw) : undefined;
}

function contextOf(from: ChatInfo | MessageStructDto): RecipientContext {
  return {
    ChatId: toInt(from.ChatId) ?? undefined,
    ChannelId: toInt(from.ChannelId) ?? undefined,
    Phone: from.Phone ?? undefined,
    Source: sourceNumber(from.Source),
  };
}

function bridgeId(value: string, what: string): number {
  if (!/^\d+$/.test(value)) throw new ProviderError("invalid_input", `Not a Telegram bridge ${what}: "${value}"`);
  return Number(value);
}

/** The earliest of the given times, or null when there is none. */
function earliest(times: ReadonlyArray<number | null | undefined>): number | null {
  const known = times.filter((time): time is number => typeof time === "number" && Number.isFinite(time));
  return known.length === 0 ? null : Math.min(...known);
}

export function createTgBridgeProvider(config: ConnectionConfig): ChatProvider {
  const parsedSettings = tgbridgeSettingsSchema.safeParse(config.settings);
  if (!parsedSettings.success) {
    throw new ProviderError("invalid_input", `Telegram bridge settings are invalid: ${parsedSettings.error.message}`);
  }
  const settings = parsedSettings.data;
  const employeeId = settings.employeeId ?? null;
  const client = createTgBridgeClient({
    baseUrl: config.baseUrl,
    token: config.credentials.token,
    timeoutMs: settings.timeoutMs,
    prefer: settings.format,
  });
  const recipients = new Map<string, RecipientContext>();

  function remember(
    chatExternalId: string,
    data: { chatInfo: ChatInfo | null; messages: readonly MessageStructDto[] },
  ) {
    const source =
      data.chatInfo ?? data.messages.find((record) => record.ChatId !== null && record.ChatId !== undefined);
    if (source) recipients.set(chatExternalId, contextOf(source));
  }

  async function chatData(chatExternalId: string, extendDay: number, signal?: AbortSignal): Promise<ChatData> {
    bridgeId(chatExternalId, "chat id");
    const data = await client.getChatData(chatExternalId, extendDay, signal);
    if (!data.chatInfo && data.received === 0 && extendDay === 0) {
      throw new ProviderError("not_found", `Telegram bridge has no chat ${chatExternalId}`, { status: 404 });
    }
    remember(chatExternalId, data);
    return data;
  }

  async function send(
    chatExternalId: string,
    message: { text: string; type: number; replyTo?: string },
    signal?: AbortSignal,
  ): Promise<MessageStructDto | null> {
    if (employeeId === null) {
      throw new ProviderError(
        "invalid_input",
        "The Telegram bridge needs an employee id to send as (settings.employeeId, TGBRIDGE_EMPLOYEE_ID)",
      );
    }
    const chat = bridgeId(chatExternalId, "chat id");
    const replyId = message.replyTo === undefined ? undefined : bridgeId(message.replyTo, "message id");
    if (!recipients.has(chatExternalId)) await chatData(chatExternalId, 0, signal);
    const body: MessageStruct = {
      Chat: chat,
      ...recipients.get(chatExternalId),
      Created: new Date().toISOString(),
      Message: message.text,
      EmployeeId: employeeId,
      MessageType: message.type,
      ...(replyId === undefined ? {} : { ReplyId: replyId }),
      Attachments: [],
    };
    return client.sendChatTgMessage(body, signal);
  }

  async function sendText(input: SendTextInput, signal?: AbortSignal): Promise<NormalizedMessage | null> {
    const record = await send(
      input.chatExternalId,
      { text: input.text, type: settings.sendMessageType, replyTo: input.replyToExternalId ?? undefined },
      signal,
    );
    return record ? mapSentMessage(input.chatExternalId, record) : null;
  }

  return {
    kind: "tgbridge",
    capabilities: {
      async listChats(cursor, signal) {
        if (cursor !== null) throw new ProviderError("invalid_input", "GetChats has a single page: no cursor is valid");
        const chats = await client.getChats(
          { employeeId, history: settings.history, myChats: settings.myChats, myTerritory: settings.myTerritory },
          signal,
        );
        const { items, skipped } = eachItem("chats", ZChatDto, chats, (dto: ChatDto) => {
          const chat = mapChatDto(dto);
          recipients.set(chat.externalId, contextOf(dto));
          return chat;
        });
        return { items, nextCursor: null, skipped };
      },

      async getChat(chatExternalId, signal) {
        return mapChatData(chatExternalId, await chatData(chatExternalId, 0, signal)).chat;
      },

      async listMessages(chatExternalId, cursor, signal) {
        const position = cursor === null ? FIRST_PAGE : decodeHistoryCursor(cursor);
        const data = await chatData(chatExternalId, position.extendDay, signal);
        const { messages } = mapChatData(chatExternalId, data);
        const { beforeMs } = position;
        const items =
          beforeMs === null ? messages : messages.filter((message) => message.createdAt.getTime() < beforeMs);
        const oldestMs = earliest([
          beforeMs,
          ...data.messages.map((record) => parseBridgeDate(record.Created)?.getTime()),
        ]);
        const created = data.chatInfo?.Created ? parseBridgeDate(data.chatInfo.Created) : null;
        const next = nextHistoryPosition({
          requested: position.extendDay,
          oldestMs,
          chatCreatedMs: created?.getTime() ?? null,
          nowMs: Date.now(),
        });
        return { items, nextCursor: next ? encodeHistoryCursor(next) : null, skipped: data.skipped };
      },

      async lookupByPhone(input, signal) {
        const active = await client.getActiveChatByPhone(input, signal);
        const found = mapActiveChat(active, input);
        if (found && active) {
          remember(found.chat.externalId, {
            chatInfo: null,
            messages: readMessageRecords("Messages", active.Messages).records,
          });
        }
        return found;
      },

      sendText,

      sendReply: (input, signal) => sendText(input, signal),

      async closeChat(chatExternalId, signal) {
        await send(chatExternalId, { text: "", type: settings.closeMessageType }, signal);
      },
    },
  };
}
