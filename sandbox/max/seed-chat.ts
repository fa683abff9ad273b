/**
 * A MAX chat made to a test's order (`POST /__sandbox/chats`): a dialog with one customer or a
 * group of customers with the bot as admin, announced to polling bots the way MAX announces a
 * new chat (bot_started, bot_added) and each message (message_created). Docs:
 * docs/providers/max.md. MAX documents no reactions and no closed dialogs; a group's
 * public link is https://max.ru/<name>.
 */

import { SandboxInputError } from "@/sandbox/core/control";
import { randomLocale } from "@/sandbox/core/corpus";
import {
  quoted,
  recentTimes,
  refuseUnsupported,
  type SeedChatInput,
  type SeededChat,
  type SeedMessage,
} from "@/sandbox/core/seed-chat";
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  generateConversation,
  sandboxAttachment,
} from "@/sandbox/max/conversation";
import { plainUser, sandboxUser } from "@/sandbox/max/people";
import {
  botStarted,
  type ChatRecord,
  createdUpdate,
  dialogChat,
  groupChat,
  newChatId,
  storeMessage,
  type World,
  wireBody,
  wireMessage,
} from "@/sandbox/max/store";
import type { WireMessage, WireUser } from "@/sandbox/max/wire";

const MINUTE = 60_000;

function newGroup(world: World, input: SeedChatInput, locale: ReturnType<typeof randomLocale>): ChatRecord {
  if (input.members.length === 0) throw new SandboxInputError(400, "A MAX group needs members");
  const chatId = newChatId(world, "chat");
  const name = `group_${Math.abs(chatId).toString(36)}`;
  const users = input.members.map((member, offset) =>
    sandboxUser(world, 60_000_000 + (Math.abs(chatId) % 1_000_000) * 100 + offset, locale, member),
  );
  const record = groupChat(world, {
    chatId,
    type: "chat",
    status: "active",
    title: input.title,
    icon: null,
    users,
    link: input.public ? `https://max.ru/${name}` : `https://max.ru/join/${name}`,
    isPublic: input.public,
    description: null,
    joinedAt: Date.now() - 30 * 24 * 60 * MINUTE,
  });
  const owner = users[0] as WireUser;
  world.emit({ update_type: "bot_added", timestamp: Date.now(), chat_id: chatId, user: owner, is_channel: false });
  return record;
}

function authorOf(customers: WireUser[], message: SeedMessage, world: World): WireUser {
  if (message.from === "agent") return world.bot;
  const author = message.author === undefined ? customers[0] : customers.find((user) => user.name === message.author);
  if (!author) throw new SandboxInputError(400, `${message.author} is not a member of this chat`);
  return author;
}

function attachmentsOf(world: World, message: SeedMessage, locale: ReturnType<typeof randomLocale>, n: number) {
  return message.attachments.map((kind) => {
    if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind)) {
      throw new SandboxInputError(400, `The MAX sandbox has no ${kind} attachments`);
    }
    return sandboxAttachment(world, kind as AttachmentKind, locale, n);
  });
}

export function seedChat(world: World, input: SeedChatInput): SeededChat {
  refuseUnsupported("MAX", input, ["closed", "reactions"]);
  if (!input.group && (input.public || input.members.length > 0)) {
    throw new SandboxInputError(400, "Only a MAX group has members and a public link");
  }
  const locale = randomLocale(world.rng);
  let record: ChatRecord;
  let customers: WireUser[];
  if (input.group) {
    record = newGroup(world, input, locale);
    customers = record.members.filter((member) => !member.is_bot).map(plainUser);
  } else {
    const { customer, ...dialog } = dialogChat(world, "active", locale, input.title);
    record = dialog;
    customers = [customer];
    world.emit(botStarted(record, customer, Date.now(), locale));
  }
  world.chats.set(record.chat.chat_id, record);
  const times = recentTimes(input.messages.length);
  if (input.history > 0) {
    const endAt = (times[0] ?? Date.now()) - MINUTE;
    generateConversation(world, { record, customers, locale, count: input.history, endAt, maxGapMs: 20 * MINUTE });
  }
  const made: WireMessage[] = [];
  input.messages.forEach((message, index) => {
    const attachments = attachmentsOf(world, message, locale, record.messages.length + 1);
    const body = wireBody(world, message.text ?? null, attachments.length > 0 ? attachments : null);
    const sent = wireMessage(world, record.chat, authorOf(customers, message, world), times[index] ?? Date.now(), body);
    const original = quoted(made, index, message.replyTo);
    if (original) sent.link = { type: "reply", sender: original.sender, message: original.body };
    storeMessage(record, sent);
    world.emit(createdUpdate(sent));
    made.push(sent);
  });
  return {
    chatExternalId: String(record.chat.chat_id),
    messageExternalIds: made.map((message) => message.body.mid),
    ...(input.public && record.chat.link ? { link: record.chat.link } : {}),
  };
}
