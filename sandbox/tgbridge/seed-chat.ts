/**
 * A bridge chat made to a test's order (`POST /__sandbox/chats`): a customer's conversation,
 * opened with OpenChatMode, with the sandbox connection's employee answering and reacting.
 * The bridge has dialogs only, and its attachments are file names (docs/providers/tgbridge.md),
 * so only kinds a file name tells apart are offered.
 */
import { SandboxInputError } from "@/sandbox/core/control";
import { intBetween, phoneNumber, randomLocale } from "@/sandbox/core/corpus";
import {
  quoted,
  recentTimes,
  refuseUnsupported,
  type SeedAttachment,
  type SeedChatInput,
  type SeededChat,
} from "@/sandbox/core/seed-chat";
import { appendRecord, type BridgeStore, employeeName, openChat } from "@/sandbox/tgbridge/store";
import { MESSAGE_TYPE, type WireMessage } from "@/sandbox/tgbridge/wire";

const FILE_NAMES: Partial<Record<SeedAttachment, string>> = {
  image: "photo_{n}.jpg",
  video: "video_{n}.mp4",
  audio: "recording_{n}.mp3",
  voice: "voice_{n}.ogg",
  file: "invoice_{n}.pdf",
  sticker: "sticker_{n}.tgs",
  animation: "animation_{n}.gif",
};

function fileName(kind: SeedAttachment, n: number): string {
  const name = FILE_NAMES[kind];
  if (!name) throw new SandboxInputError(400, `The Telegram bridge sandbox has no ${kind} attachments`);
  return name.replace("{n}", String(n));
}

/** The chat's staff side is `employeeId`, the employee the sandbox connection acts as. */
export function seedChat(store: BridgeStore, input: SeedChatInput, employeeId: number): SeededChat {
  refuseUnsupported("Telegram bridge", input, ["group", "public", "members", "history", "author"]);
  const staff = { EmployeeId: employeeId, From: employeeName(store, employeeId) };
  const locale = randomLocale(store.rng);
  const [openedAt = Date.now(), ...times] = recentTimes(input.messages.length + 2);
  const customer = {
    Name: input.title,
    Phone: phoneNumber(store.rng, locale),
    ChatId: intBetween(store.rng, 100_000_000, 999_999_999),
    ChannelId: 1,
    Area: 1,
    Source: 0,
  };
  const chat = openChat(store, customer, openedAt);
  const made: WireMessage[] = [];
  input.messages.forEach((message, index) => {
    const original = quoted(made, index, message.replyTo);
    const fields = {
      MessageType: MESSAGE_TYPE.Message,
      Message: message.text ?? null,
      Attachments: message.attachments.map((kind) => fileName(kind, store.nextMessageId)),
      Reactions: message.reactions.map((Emoji) => ({ Employee: employeeId, Emoji })),
      ReplyId: original?.Id ?? null,
      Reply: original ? { Id: original.Id, Name: original.From, Message: original.Message } : null,
      ...(message.from === "agent" ? staff : {}),
    };
    made.push(appendRecord(store, chat, fields, times[index] ?? Date.now()));
  });
  if (input.closed) appendRecord(store, chat, { MessageType: MESSAGE_TYPE.CloseChatMode, ...staff }, Date.now());
  return {
    chatExternalId: String(chat.Id),
    messageExternalIds: made.map((record) => String(record.Id)),
    phone: customer.Phone,
  };
}
