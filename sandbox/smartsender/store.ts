/**
 * What the sandbox SmartSender holds: its chats (in the wire format, with what SmartSender
 * keeps beside them) and the changes a contact makes by writing.
 */

import { SandboxInputError } from "@/sandbox/core/control";
import { intBetween, personName, pick, type Rng } from "@/sandbox/core/corpus";
import { mediaUrl } from "@/sandbox/core/media";
import type { InjectMessageInput } from "@/sandbox/core/provider";
import {
  contactSender,
  gateRef,
  textContent,
  type WireChannel,
  type WireChat,
  type WireGate,
  type WireMessage,
  wireDate,
} from "@/sandbox/smartsender/wire";

/** A chat as the fake holds it: the wire object plus what SmartSender keeps beside it. */
export type StoredChat = {
  chat: WireChat;
  state: "open" | "closed";
  operatorId: number | null;
  /** Oldest first. Internal messages are "activities": listed only with `activities=1`. */
  messages: WireMessage[];
};

export type SmartSenderStore = {
  chats: Map<number, StoredChat>;
  /** Contact id (a chat's `contact.originalId`, what `POST /v1/contacts/{id}/send` takes) → chat id. */
  chatIdByContact: Map<number, number>;
  /** The project's channels: a new contact writes from one of them. */
  channels: readonly WireChannel[];
  operators: ReadonlyArray<{ id: number; fullName: string }>;
  nextIds: { chat: number; contact: number; gate: number; message: number };
  baseUrl: string;
  rng: Rng;
};

function newGate(store: SmartSenderStore, channel: WireChannel): WireGate {
  return { id: store.nextIds.gate++, subscribed: true, unreadMessages: 0, channel: structuredClone(channel) };
}

/** Generated Contact ids (`originalId`) sit far above the generated `contact.id`s. */
const ORIGINAL_ID_OFFSET = 5_000_000;

/** A chat for a new contact; its `gates[0]` is the channel the contact wrote from. */
export function newChat(store: SmartSenderStore, name: string, createdAt: number, channelCount = 1): StoredChat {
  const { rng } = store;
  const id = store.nextIds.chat;
  store.nextIds.chat += intBetween(rng, 1, 4);
  const contactId = store.nextIds.contact;
  store.nextIds.contact += intBetween(rng, 1, 3);
  const first = pick(rng, store.channels);
  const channels = [first, ...store.channels.filter((channel) => channel !== first).slice(0, channelCount - 1)];
  const chat: WireChat = {
    id,
    name,
    image: rng() < 0.8 ? mediaUrl(store.baseUrl, `avatar-${id}.jpg`) : null,
    // Disjoint from every `contact.id` (as in the seed, where those follow the gate ids), so a
    // send to `contact.id` finds nobody here, as it may reach someone else at SmartSender.
    contact: { id: contactId, originalId: contactId + ORIGINAL_ID_OFFSET },
    gates: channels.map((channel) => newGate(store, channel)),
    createdAt: wireDate(createdAt),
    updatedAt: wireDate(createdAt),
  };
  const fake: StoredChat = { chat, state: "open", operatorId: null, messages: [] };
  store.chats.set(id, fake);
  store.chatIdByContact.set(chat.contact.originalId, id);
  return fake;
}

/** One of the project's operators, as a message's sender. */
export function operatorSender(store: SmartSenderStore): WireMessage["sender"] {
  const operator = pick(store.rng, store.operators);
  return {
    type: "operator",
    fullName: operator.fullName,
    image: mediaUrl(store.baseUrl, `operator-${operator.id}.png`),
  };
}

/** A contact writes: the message lands on the chat's first gate, counts as unread and reopens the chat. */
export function addInboundText(
  store: SmartSenderStore,
  fake: StoredChat,
  text: string,
  authorName: string | null,
): WireMessage {
  const gate = fake.chat.gates[0];
  if (!gate) throw new Error(`chat ${fake.chat.id} has no gate`);
  const now = Date.now();
  const message: WireMessage = {
    id: store.nextIds.message++,
    createdAt: wireDate(now),
    deliveredAt: null,
    seenAt: null,
    internal: false,
    sender: { ...contactSender(fake.chat), fullName: authorName ?? fake.chat.name },
    gate: gateRef(gate),
    content: textContent("text", text),
  };
  fake.messages.push(message);
  gate.unreadMessages += 1;
  fake.chat.updatedAt = message.createdAt;
  fake.state = "open";
  return message;
}

/** A customer writes: into their chat, or a new contact's. */
export function injectInbound(store: SmartSenderStore, input: InjectMessageInput) {
  const existing = input.chatExternalId === undefined ? undefined : store.chats.get(Number(input.chatExternalId));
  if (input.chatExternalId !== undefined && !existing) {
    throw new SandboxInputError(404, `SmartSender sandbox has no chat ${input.chatExternalId}`);
  }
  const chat = existing ?? newChat(store, input.authorName ?? personName(store.rng), Date.now());
  const message = addInboundText(store, chat, input.text, input.authorName ?? null);
  return { chatExternalId: String(chat.chat.id), messageExternalId: String(message.id) };
}
