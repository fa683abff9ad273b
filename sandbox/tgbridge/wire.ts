/**
 * The sandbox bridge's own copy of the wire format, written from the documents (not from the
 * adapter): docs/providers/seeds/000_62f7899ae3925019.txt (ActiveChat, MessageStructDto, Reaction,
 * Reply, key order of the JSON sample) and docs/providers/tgbridge.md (ChatDto fields, MessageType).
 * Objects are built with the JSON sample's key order, so serializing them reproduces it.
 */

export type WireReaction = { Employee: number | null; Emoji: string };
export type WireReply = { Id: number; Name: string | null; Message: string | null };

export type WireMessage = {
  Reactions: WireReaction[] | null;
  Reply: WireReply | null;
  AdditionalKey: number | null;
  Id: number;
  Chat: number;
  ChatId: number;
  Created: string;
  Message: string | null;
  From: string | null;
  Phone: string | null;
  EmployeeId: number | null;
  MessageType: number;
  Attachments: string[] | null;
  Area: number | null;
  ChannelId: number | null;
  ReplyId: number | null;
  Level: number | null;
  Source: number;
  State: number;
};

/** providers.md §3 lists the fields; the types are ours: LastMessage is the time of the last message. */
export type WireChat = {
  Id: number;
  Created: string;
  Name: string | null;
  Phone: string | null;
  ChatId: number;
  ChannelId: number | null;
  CloseDate: string | null;
  State: number;
  LastMessage: string | null;
  LastEmployee: number | null;
  Area: number | null;
  Classification: string | null;
  Source: number;
};

export type WireActiveChat = { Id: number; Messages: WireMessage[] };

/** GetChatData's answer; camelCase keys as providers.md §3 gives them. */
export type WireChatData = { messages: WireMessage[]; copilotMessages: string[]; chatInfo: WireChat | null };

/**
 * MessageType: numbers in JSON, names in XML (providers.md §3 numbers and describes them). The
 * sandbox keeps its own copy, not the adapter's: beyond the seed's CloseChatMode the names are
 * the sandbox's reading of those descriptions.
 */
export const MESSAGE_TYPE = {
  CloseChatMode: 0,
  OpenChatMode: 1,
  Message: 2,
  MessageWithoutMenuUpdate: 3,
  AuthMessage: 4,
  UpdateMessage: 5,
  UpdateReaction: 6,
} as const;

/** The names in number order (the keys are in that order). */
export const WIRE_MESSAGE_TYPES = Object.keys(MESSAGE_TYPE) as ReadonlyArray<keyof typeof MESSAGE_TYPE>;
/** Only value 0 is documented for Source and State (seed: TGBot, Message). */
export const WIRE_SOURCES = ["TGBot"] as const;
export const WIRE_STATES = ["Message"] as const;

export function wireMessage(fields: Omit<WireMessage, "Reactions" | "Reply"> & Partial<WireMessage>): WireMessage {
  return {
    Reactions: fields.Reactions ?? [],
    Reply: fields.Reply ?? null,
    AdditionalKey: fields.AdditionalKey,
    Id: fields.Id,
    Chat: fields.Chat,
    ChatId: fields.ChatId,
    Created: fields.Created,
    Message: fields.Message,
    From: fields.From,
    Phone: fields.Phone,
    EmployeeId: fields.EmployeeId,
    MessageType: fields.MessageType,
    Attachments: fields.Attachments,
    Area: fields.Area,
    ChannelId: fields.ChannelId,
    ReplyId: fields.ReplyId,
    Level: fields.Level,
    Source: fields.Source,
    State: fields.State,
  };
}

export function wireChat(fields: WireChat): WireChat {
  return {
    Id: fields.Id,
    Created: fields.Created,
    Name: fields.Name,
    Phone: fields.Phone,
    ChatId: fields.ChatId,
    ChannelId: fields.ChannelId,
    CloseDate: fields.CloseDate,
    State: fields.State,
    LastMessage: fields.LastMessage,
    LastEmployee: fields.LastEmployee,
    Area: fields.Area,
    Classification: fields.Classification,
    Source: fields.Source,
  };
}

/** .NET's round-trip format, as the seed shows it: 2026-02-04T02:09:21.7561449+00:00. */
export function dotnetDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$10000+00:00");
}
