/**
 * "Telegram" bridge payloads → normalized rows. Pure, no I/O.
 * Docs: docs/providers/seeds/000_62f7899ae3925019.txt (ActiveChat, MessageStructDto) and
 * docs/providers/tgbridge.md (ChatDto, GetChatData, MessageType).
 *
 * Readings of the documents (none of this is spelled out there):
 * - ChatDto.Id is the bridge's chat (one conversation; a customer may have had several) and is
 *   the `{id}` of GetChatData, ActiveChat.Id and MessageStructDto.Chat. ChatDto.ChatId and
 *   MessageStructDto.ChatId are the customer's Telegram chat id. The help-page samples number
 *   properties one by one (Id 1, Chat 3, ChatId 4), so they say nothing about these links;
 *   messages are therefore filed under the chat they were fetched for.
 * - A message with an EmployeeId (non-zero) was written by staff: outbound; otherwise inbound.
 * - CloseChatMode / OpenChatMode are events, not bubbles: direction "system".
 * - UpdateMessage / UpdateReaction carry the Id of the message they change: an UpdateMessage
 *   replaces its text (and attachments when it has any) and sets editedAt, an UpdateReaction
 *   replaces its reactions. Every record of one Id is merged into one message whose `raw` is
 *   the record (one) or the list of records (several), all untouched.
 * - A chat is closed when CloseDate is set or its latest open/close event is CloseChatMode.
 */

import { ProviderError } from "@/lib/providers/errors";
import { attachmentFromFileName } from "@/lib/providers/tgbridge/attachments";
import { parseBridgeDate } from "@/lib/providers/tgbridge/dates";
import { enumWord, MESSAGE_TYPES, type MessageTypeName, readEnum, STATES } from "@/lib/providers/tgbridge/enums";
import {
  type ActiveChat,
  type ChatData,
  type ChatDto,
  type ChatInfo,
  type IntLike,
  intOf,
  type MessageStructDto,
  readMessageRecords,
  toInt,
} from "@/lib/providers/tgbridge/schemas";
import type {
  ChatWithMessages,
  NormalizedChat,
  NormalizedMessage,
  NormalizedReaction,
  PhoneLookupInput,
} from "@/lib/providers/types";

const SYSTEM_EVENTS: Partial<Record<MessageTypeName, string>> = {
  CloseChatMode: "chat_closed",
  OpenChatMode: "chat_opened",
};

const idText = (value: IntLike): string => String(intOf(value));

/** Ids and employee ids start at 1 in the bridge's database: 0 means "none". */
const positiveIdText = (value: IntLike | null | undefined): string | null => {
  const number = toInt(value);
  return number !== null && number > 0 ? String(number) : null;
};

const blankToNull = (text: string | null | undefined): string | null =>
  text === null || text === undefined || text.trim() === "" ? null : text;

function dateOf(text: string): Date {
  const date = parseBridgeDate(text);
  if (!date) throw new ProviderError("malformed", `Telegram bridge sent an unreadable date "${text}"`);
  return date;
}

function messageTypeOf(record: MessageStructDto): MessageTypeName | null {
  return readEnum(MESSAGE_TYPES, record.MessageType)?.name ?? null;
}

function reactionsOf(record: MessageStructDto): NormalizedReaction[] {
  return (record.Reactions ?? []).flatMap((reaction) => {
    if (!reaction) return [];
    const emoji = blankToNull(reaction.Emoji);
    return emoji ? [{ emoji, authorExternalId: positiveIdText(reaction.Employee), authorName: null }] : [];
  });
}

function replyOf(record: MessageStructDto): NormalizedMessage["replyTo"] {
  const reply = record.Reply ?? null;
  const externalId = positiveIdText(record.ReplyId) ?? positiveIdText(reply?.Id);
  if (!reply && !externalId) return null;
  return { externalId, authorName: blankToNull(reply?.Name), text: blankToNull(reply?.Message) };
}

/** One record as a message of its own, before updates of the same Id are applied. */
function messageOf(chatExternalId: string, record: MessageStructDto): NormalizedMessage {
  const type = messageTypeOf(record);
  const systemEvent = type ? (SYSTEM_EVENTS[type] ?? null) : null;
  const employee = positiveIdText(record.EmployeeId);
  const createdAt = dateOf(record.Created);
  return {
    externalId: idText(record.Id),
    chatExternalId,
    direction: systemEvent ? "system" : employee ? "outbound" : "inbound",
    systemEvent,
    authorName: blankToNull(record.From),
    authorExternalId: employee ?? positiveIdText(record.ChatId),
    text: blankToNull(record.Message),
    createdAt,
    editedAt: type === "UpdateMessage" ? createdAt : null,
    deletedAt: null,
    replyTo: replyOf(record),
    reactions: reactionsOf(record),
    attachments: (record.Attachments ?? [])
      .filter((name): name is string => name !== null && name.trim() !== "")
      .map(attachmentFromFileName),
    deliveryState: null,
    raw: record,
  };
}

function applyUpdate(message: NormalizedMessage, record: MessageStructDto): NormalizedMessage {
  const type = messageTypeOf(record);
  if (type === "UpdateReaction") return { ...message, reactions: reactionsOf(record) };
  const updated = messageOf(message.chatExternalId, record);
  if (type === "UpdateMessage") {
    return {
      ...message,
      text: updated.text,
      attachments: updated.attachments.length > 0 ? updated.attachments : message.attachments,
      editedAt: updated.createdAt,
    };
  }
  // The same message sent again: the later copy wins, edits already applied stay visible.
  return { ...updated, editedAt: message.editedAt };
}

/** Every record of the list as messages, one per Id, updates applied, oldest first. */
export function mapMessages(chatExternalId: string, records: readonly MessageStructDto[]): NormalizedMessage[] {
  const chronological = records
    .map((record, index) => ({ record, index, at: dateOf(record.Created).getTime() }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const byId = new Map<string, { message: NormalizedMessage; records: MessageStructDto[] }>();
  for (const { record } of chronological) {
    const id = idText(record.Id);
    const seen = byId.get(id);
    if (seen) {
      seen.message = applyUpdate(seen.message, record);
      seen.records.push(record);
    } else {
      byId.set(id, { message: messageOf(chatExternalId, record), records: [record] });
    }
  }
  return [...byId.values()].map(({ message, records: all }) => ({
    ...message,
    raw: all.length === 1 ? all[0] : all,
  }));
}

function previewOf(message: NormalizedMessage): string | null {
  return message.text ?? message.attachments[0]?.fileName ?? null;
}

function lastMessageOf(value: ChatDto["LastMessage"]): { at: Date | null; preview: string | null } {
  if (value === null || value === undefined) return { at: null, preview: null };
  if (typeof value === "string") {
    const at = parseBridgeDate(value);
    return at ? { at, preview: null } : { at: null, preview: blankToNull(value) };
  }
  return { at: value.Created ? parseBridgeDate(value.Created) : null, preview: blankToNull(value.Message) };
}

function fallbackTitle(externalId: string): string {
  return `Telegram chat #${externalId}`;
}

export function mapChatDto(dto: ChatDto): NormalizedChat {
  const externalId = idText(dto.Id);
  const phone = blankToNull(dto.Phone);
  const last = lastMessageOf(dto.LastMessage);
  return {
    externalId,
    kind: "dialog",
    title: blankToNull(dto.Name)?.trim() ?? phone ?? fallbackTitle(externalId),
    avatarUrl: null,
    status: blankToNull(dto.CloseDate) ? "closed" : "open",
    providerStatus: enumWord(readEnum(STATES, dto.State)),
    phone,
    publicLink: null,
    participantsCount: null,
    providerUnreadCount: null,
    lastMessageAt: last.at,
    lastMessagePreview: last.preview,
    createdAt: dto.Created ? parseBridgeDate(dto.Created) : null,
    raw: dto,
  };
}

/** What the messages themselves say about their chat: closed by a latest CloseChatMode, the newest message. */
function withMessageFacts(chat: NormalizedChat, messages: readonly NormalizedMessage[]): NormalizedChat {
  const lastEvent = messages.filter((message) => message.direction === "system").at(-1);
  const newest = messages.filter((message) => message.direction !== "system").at(-1);
  return {
    ...chat,
    status: chat.status === "closed" || lastEvent?.systemEvent === "chat_closed" ? "closed" : "open",
    lastMessageAt: newest?.createdAt ?? chat.lastMessageAt,
    lastMessagePreview: newest ? previewOf(newest) : chat.lastMessagePreview,
  };
}

function chatFromMessages(
  externalId: string,
  records: readonly MessageStructDto[],
  messages: readonly NormalizedMessage[],
  known: { name: string | null; phone: string | null },
  raw: unknown,
): NormalizedChat {
  const customer = messages.find((message) => message.direction === "inbound")?.authorName ?? null;
  const phone = known.phone ?? records.map((record) => blankToNull(record.Phone)).find((value) => value) ?? null;
  const opened = messages.find((message) => message.systemEvent === "chat_opened");
  return {
    externalId,
    kind: "dialog",
    title: customer ?? known.name ?? phone ?? fallbackTitle(externalId),
    avatarUrl: null,
    status: "open",
    providerStatus: null,
    phone,
    publicLink: null,
    participantsCount: null,
    providerUnreadCount: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: opened?.createdAt ?? null,
    raw,
  };
}

/**
 * GetChatData/{id}: the chat and its messages. `chatInfo` is undocumented: its fields refine the
 * chat when they are there (a name, a phone, a close date), the messages tell the rest.
 */
export function mapChatData(chatExternalId: string, data: ChatData): ChatWithMessages {
  const messages = mapMessages(chatExternalId, data.messages);
  const info: ChatInfo = data.chatInfo ?? {};
  const known = { name: blankToNull(info.Name)?.trim() ?? null, phone: blankToNull(info.Phone) };
  const fromMessages = chatFromMessages(chatExternalId, data.messages, messages, known, data.chatInfo ?? data);
  const chat = data.chatInfo
    ? {
        ...mapChatDto({ ...data.chatInfo, Id: chatExternalId }),
        title: known.name ?? fromMessages.title,
        phone: fromMessages.phone,
        createdAt: (info.Created ? parseBridgeDate(info.Created) : null) ?? fromMessages.createdAt,
        raw: data.chatInfo,
      }
    : fromMessages;
  return { chat: withMessageFacts(chat, messages), messages };
}

/** GetActiveChatByPhone: null when the bridge says there is no active chat (null, or Id 0 without messages). */
export function mapActiveChat(active: ActiveChat | null, lookup: PhoneLookupInput): ChatWithMessages | null {
  // A lookup answers one chat: an unreadable record is left out (and counted), the chat and its other messages kept.
  const { records, skipped } = readMessageRecords("Messages", active?.Messages);
  if (!active || (intOf(active.Id) <= 0 && records.length === 0)) return null;
  const externalId = idText(active.Id);
  const messages = mapMessages(externalId, records);
  const known = { name: blankToNull(lookup.name), phone: blankToNull(lookup.phone) };
  const chat = chatFromMessages(externalId, records, messages, known, active);
  return { chat: withMessageFacts(chat, messages), messages, skipped };
}

/** The message SendChatTGMessage answered with, when it answered with one. */
export function mapSentMessage(chatExternalId: string, record: MessageStructDto): NormalizedMessage {
  return messageOf(chatExternalId, record);
}
