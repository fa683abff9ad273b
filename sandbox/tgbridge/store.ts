/**
 * The sandbox bridge's data and its changes, kept in its wire format (docs/providers/tgbridge.md):
 * new records update their ChatDto's LastMessage/LastEmployee; CloseChatMode sets CloseDate,
 * OpenChatMode clears it. A customer who writes after their chat was closed gets a new chat
 * (ChatDto.Id is one conversation, GetActiveChatByPhone finds the open one).
 */

import { SandboxInputError } from "@/sandbox/core/control";
import { intBetween, personName, phoneNumber, type Rng, randomLocale } from "@/sandbox/core/corpus";
import type { InjectMessageInput } from "@/sandbox/core/provider";
import {
  dotnetDate,
  MESSAGE_TYPE,
  type WireChat,
  type WireMessage,
  wireChat,
  wireMessage,
} from "@/sandbox/tgbridge/wire";

export type Employee = { id: number; name: string; area: number };

export type BridgeStore = {
  employees: Employee[];
  /** Ordered by Id. */
  chats: WireChat[];
  /** Chat Id → its records (messages, events, updates), oldest first. */
  records: Map<number, WireMessage[]>;
  /** Chat Id → GetChatData's copilotMessages: suggested replies for chats that wait for an answer. */
  copilot: Map<number, string[]>;
  /** New customers made while running. */
  rng: Rng;
  nextChatId: number;
  nextMessageId: number;
  nextAdditionalKey: number;
};

export function chatById(store: BridgeStore, id: number): WireChat | undefined {
  return store.chats.find((chat) => chat.Id === id);
}

export function recordsOf(store: BridgeStore, chatId: number): WireMessage[] {
  let records = store.records.get(chatId);
  if (!records) {
    records = [];
    store.records.set(chatId, records);
  }
  return records;
}

export function employeeName(store: BridgeStore, employeeId: number): string {
  return store.employees.find((employee) => employee.id === employeeId)?.name ?? `Employee ${employeeId}`;
}

/** The customer's name in this chat: the From of their messages, else the chat's Name. */
function customerName(store: BridgeStore, chat: WireChat): string | null {
  return recordsOf(store, chat.Id).find((record) => record.EmployeeId === null)?.From ?? chat.Name;
}

/** Created is always now; Id and AdditionalKey are new unless given (updates repeat their message's). */
export type NewRecord = Partial<Omit<WireMessage, "Created">> & Pick<WireMessage, "MessageType">;

export function appendRecord(store: BridgeStore, chat: WireChat, fields: NewRecord, now: number): WireMessage {
  const record = wireMessage({
    AdditionalKey: fields.AdditionalKey !== undefined ? fields.AdditionalKey : store.nextAdditionalKey++,
    Id: fields.Id ?? store.nextMessageId++,
    Chat: chat.Id,
    ChatId: chat.ChatId,
    Message: null,
    From: customerName(store, chat),
    Phone: chat.Phone,
    EmployeeId: null,
    Attachments: [],
    Area: chat.Area,
    ChannelId: chat.ChannelId,
    ReplyId: null,
    Level: 1,
    Source: chat.Source,
    State: 0,
    ...fields,
    Created: dotnetDate(now),
  });
  recordsOf(store, chat.Id).push(record);
  const type = record.MessageType;
  if (type === MESSAGE_TYPE.CloseChatMode) chat.CloseDate = record.Created;
  if (type === MESSAGE_TYPE.OpenChatMode) chat.CloseDate = null;
  if (
    type === MESSAGE_TYPE.Message ||
    type === MESSAGE_TYPE.MessageWithoutMenuUpdate ||
    type === MESSAGE_TYPE.AuthMessage
  ) {
    chat.LastMessage = record.Created;
    if (record.EmployeeId !== null) chat.LastEmployee = record.EmployeeId;
  }
  return record;
}

/** A new conversation of `customer`, opened with OpenChatMode. */
export function openChat(
  store: BridgeStore,
  customer: Pick<WireChat, "Name" | "Phone" | "ChatId" | "ChannelId" | "Area" | "Source">,
  now: number,
): WireChat {
  const created = dotnetDate(now);
  const chat = wireChat({
    Id: store.nextChatId++,
    Created: created,
    Name: customer.Name,
    Phone: customer.Phone,
    ChatId: customer.ChatId,
    ChannelId: customer.ChannelId,
    CloseDate: null,
    State: 0,
    LastMessage: null,
    LastEmployee: null,
    Area: customer.Area,
    Classification: null,
    Source: customer.Source,
  });
  store.chats.push(chat);
  appendRecord(store, chat, { MessageType: MESSAGE_TYPE.OpenChatMode, From: customer.Name }, now);
  return chat;
}

/** A customer writes: into their chat (a closed one is reopened as a new chat), or a new customer's. */
export function injectInbound(store: BridgeStore, input: InjectMessageInput) {
  const newCustomers = store.rng;
  const now = Date.now();
  let chat = input.chatExternalId === undefined ? undefined : chatById(store, Number(input.chatExternalId));
  if (input.chatExternalId !== undefined && (!chat || !/^\d+$/.test(input.chatExternalId))) {
    throw new SandboxInputError(404, `The sandbox bridge has no chat ${input.chatExternalId}`);
  }
  if (!chat) {
    const locale = randomLocale(newCustomers);
    const customer = {
      Name: input.authorName ?? personName(newCustomers, locale),
      Phone: phoneNumber(newCustomers, locale),
      ChatId: intBetween(newCustomers, 100_000_000, 999_999_999),
      ChannelId: 1,
      Area: 1,
      Source: 0,
    };
    chat = openChat(store, customer, now);
  } else if (chat.CloseDate !== null) {
    chat = openChat(store, chat, now);
  }
  const fields = { MessageType: MESSAGE_TYPE.Message, Message: input.text };
  const record = appendRecord(store, chat, input.authorName ? { ...fields, From: input.authorName } : fields, now);
  return { chatExternalId: String(chat.Id), messageExternalId: String(record.Id) };
}
