/**
 * A SmartSender chat made to a test's order (`POST /__sandbox/chats`): a new contact's chat
 * with its messages, unread as SmartSender counts it (the contact's messages after the last
 * operator answer). SmartSender has dialogs only; a message carries one content: text or one
 * attachment (docs/providers/smartsender.md). Stickers, reactions and quotes are not documented.
 */
import { SandboxInputError } from "@/sandbox/core/control";
import { randomLocale } from "@/sandbox/core/corpus";
import { recentTimes, refuseUnsupported, type SeedChatInput, type SeededChat } from "@/sandbox/core/seed-chat";
import { contentOf } from "@/sandbox/smartsender/content";
import { newChat, operatorSender, type SmartSenderStore } from "@/sandbox/smartsender/store";
import {
  type ContentType,
  contactSender,
  gateRef,
  textContent,
  type WireContent,
  type WireMessage,
  wireDate,
} from "@/sandbox/smartsender/wire";

const CONTENT_OF_ATTACHMENT: Record<string, ContentType> = {
  image: "picture",
  animation: "animation",
  video: "video",
  audio: "audio",
  voice: "voice",
  file: "file",
  share: "link",
  location: "location",
  contact: "contact",
};

function contentFor(
  store: SmartSenderStore,
  message: SeedChatInput["messages"][number],
  context: Parameters<typeof contentOf>[2],
): WireContent {
  const [attachment, ...more] = message.attachments;
  if (attachment === undefined) return textContent("text", message.text ?? "");
  const type = CONTENT_OF_ATTACHMENT[attachment];
  if (!type) throw new SandboxInputError(400, `The SmartSender sandbox has no ${attachment} attachments`);
  if (more.length > 0 || message.text !== undefined) {
    throw new SandboxInputError(400, "A SmartSender message carries text or one attachment");
  }
  return contentOf(type, store, context);
}

export function seedChat(store: SmartSenderStore, input: SeedChatInput): SeededChat {
  refuseUnsupported("SmartSender", input, ["group", "public", "members", "history", "author", "reactions", "replyTo"]);
  const times = recentTimes(input.messages.length);
  const locale = randomLocale(store.rng);
  const chat = newChat(store, input.title, (times[0] ?? Date.now()) - 60_000);
  const gate = chat.chat.gates[0];
  if (!gate) throw new Error(`chat ${chat.chat.id} has no gate`);
  const made = input.messages.map((message, index): WireMessage => {
    const id = store.nextIds.message++;
    const createdAt = times[index] ?? Date.now();
    const inbound = message.from === "customer";
    return {
      id,
      createdAt: wireDate(createdAt),
      deliveredAt: inbound ? null : wireDate(createdAt),
      seenAt: null,
      internal: false,
      sender: inbound ? contactSender(chat.chat) : operatorSender(store),
      gate: gateRef(gate),
      content: contentFor(store, message, { messageId: id, createdAt, locale, inbound }),
    };
  });
  chat.messages.push(...made);
  const lastAnswer = made.findLastIndex((message) => message.sender.type !== "contact");
  gate.unreadMessages = made.length - 1 - lastAnswer;
  chat.chat.updatedAt = made.at(-1)?.createdAt ?? chat.chat.createdAt;
  chat.state = input.closed ? "closed" : "open";
  return { chatExternalId: String(chat.chat.id), messageExternalIds: made.map((message) => String(message.id)) };
}
