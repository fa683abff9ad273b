/**
 * What happens in the MAX sandbox while it runs: customers write (demo and tests inject them)
 * and the bot sends. Every change lands in the chat and as an update for long polling
 * (docs/providers/max.md: message_created, bot_started, user_added).
 */

import { SandboxInputError } from "@/sandbox/core/control";
import { intBetween, randomLocale } from "@/sandbox/core/corpus";
import type { InjectMessageInput } from "@/sandbox/core/provider";
import { asMember, plainUser, sandboxUser } from "@/sandbox/max/people";
import {
  botStarted,
  type ChatRecord,
  createdUpdate,
  dialogChat,
  storeMessage,
  type World,
  wireBody,
  wireMessage,
} from "@/sandbox/max/store";
import type { WireAttachment, WireMessage, WireUser } from "@/sandbox/max/wire";

/** Never earlier than the chat's newest message, so every chat stays in time order. */
function nextTimestamp(record: ChatRecord): number {
  return Math.max(Date.now(), record.messages.at(-1)?.timestamp ?? 0);
}

function authorFor(world: World, record: ChatRecord, authorName: string | undefined): WireUser {
  const { chat } = record;
  const customers = record.members.filter((member) => !member.is_bot).map(plainUser);
  if (chat.type === "dialog") return customers[0] ?? world.bot;
  const named = authorName ? customers.find((user) => user.name === authorName) : customers[0];
  if (named) return named;
  const newcomer = sandboxUser(
    world,
    intBetween(world.rng, 40_000_000, 49_999_999),
    randomLocale(world.rng),
    authorName,
  );
  record.members.push(asMember(world, newcomer, Date.now(), "member"));
  chat.participants_count = record.members.length;
  if (chat.participants) chat.participants[String(newcomer.user_id)] = newcomer.last_activity_time;
  world.emit({
    update_type: "user_added",
    timestamp: Date.now(),
    chat_id: chat.chat_id,
    user: newcomer,
    inviter_id: null,
    is_channel: chat.type === "channel",
  });
  return newcomer;
}

export function injectInbound(world: World, input: InjectMessageInput) {
  let record: ChatRecord | undefined;
  if (input.chatExternalId !== undefined) {
    record = world.chats.get(Number(input.chatExternalId));
    if (!record) throw new SandboxInputError(404, `Chat ${input.chatExternalId} not found`, "chat.not.found");
  } else {
    const locale = randomLocale(world.rng);
    const { customer, ...created } = dialogChat(world, "active", locale, input.authorName);
    record = created;
    world.chats.set(record.chat.chat_id, record);
    world.emit(botStarted(record, customer, Date.now(), locale));
  }
  const author = authorFor(world, record, input.authorName);
  const message = wireMessage(world, record.chat, author, nextTimestamp(record), wireBody(world, input.text, null));
  storeMessage(record, message);
  world.emit(createdUpdate(message));
  return { chatExternalId: String(record.chat.chat_id), messageExternalId: message.body.mid };
}

export type BotSend = {
  text: string | null;
  attachments: WireAttachment[] | null;
  link: { type: "reply" | "forward"; mid: string } | null;
};

function findMessage(world: World, mid: string, within?: ChatRecord): WireMessage | undefined {
  const records = within ? [within] : [...world.chats.values()];
  for (const record of records) {
    const found = record.messages.find((message) => message.body.mid === mid);
    if (found) return found;
  }
  return undefined;
}

/** POST /messages: the bot writes; a reply quotes the original as MAX's LinkedMessage. */
export function sendAsBot(world: World, record: ChatRecord, send: BotSend): WireMessage {
  if (record.chat.status !== "active") {
    throw new SandboxInputError(403, `The bot cannot write to a ${record.chat.status} chat`, "chat.denied");
  }
  const message = wireMessage(
    world,
    record.chat,
    world.bot,
    nextTimestamp(record),
    wireBody(world, send.text, send.attachments),
  );
  if (send.link) {
    const original = findMessage(world, send.link.mid, send.link.type === "reply" ? record : undefined);
    if (!original) throw new SandboxInputError(404, `Message ${send.link.mid} not found`, "message.not.found");
    message.link = {
      type: send.link.type,
      sender: original.sender,
      ...(send.link.type === "forward" ? { chat_id: original.recipient.chat_id } : {}),
      message: original.body,
    };
  }
  storeMessage(record, message);
  world.emit(createdUpdate(message));
  return message;
}
