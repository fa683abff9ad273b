/**
 * What the sandbox Chat operations API holds, in its own wire format, and the changes made
 * while it runs: chats created, messages written, invitation links handed out, customers
 * writing. Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 */
import {
  customer,
  invitationCode,
  namedCustomer,
  type Person,
  participantOf,
  SEED_BOT,
  uuid,
} from "@/sandbox/chatops/people";
import {
  ACCOUNT_ID,
  detailTime,
  isMember,
  preciseTime,
  SERVICE,
  type WireChat,
  type WireMessage,
  type WireParticipant,
} from "@/sandbox/chatops/wire";
import { SandboxInputError } from "@/sandbox/core/control";
import { type Rng, randomLocale } from "@/sandbox/core/corpus";
import type { InjectMessageInput } from "@/sandbox/core/provider";

export type ChatOpsStore = {
  /** Insertion order; the list sorts its own copy. */
  chats: Map<string, WireChat>;
  /** Per chat, messages in the order they were written. */
  messages: Map<string, Map<string, WireMessage>>;
  invitations: Map<string, string>;
  staff: { agents: Person[]; bots: Person[] };
  /** Ids and people made while running. */
  rng: Rng;
};

export function addMessage(store: ChatOpsStore, chatId: string, writtenBy: string, text: string): WireMessage {
  const now = preciseTime(Date.now());
  const message: WireMessage = {
    id: uuid(store.rng),
    writtenBy,
    writtenAt: now,
    deleted: false,
    content: [{ value: { text, entities: [] }, contentType: "text/plain", capturedAt: now }],
  };
  const messages = store.messages.get(chatId) ?? new Map<string, WireMessage>();
  messages.set(message.id, message);
  store.messages.set(chatId, messages);
  return message;
}

export function addChat(
  store: ChatOpsStore,
  title: string,
  createdBy: string,
  participants: WireParticipant[],
): WireChat {
  const now = Date.now();
  const chat: WireChat = {
    id: uuid(store.rng),
    isActive: true,
    service: SERVICE,
    registeredAt: detailTime(now),
    createdBy,
    title: [{ value: title, contentType: "text/plain", capturedAt: preciseTime(now) }],
    participants,
  };
  store.chats.set(chat.id, chat);
  store.messages.set(chat.id, new Map());
  return chat;
}

/** The chat's invitation link, made on first request and the same after. */
export function invitationOf(store: ChatOpsStore, chat: WireChat): string {
  const link = store.invitations.get(chat.id) ?? `https://t.me/+${invitationCode(store.rng)}`;
  store.invitations.set(chat.id, link);
  return link;
}

function isBotName(participant: WireParticipant): boolean {
  return /bot$/i.test(participant.userProperties.username);
}

function newCustomer(store: ChatOpsStore, authorName: string | undefined): { person: Person; name: string } {
  if (authorName !== undefined) return { person: namedCustomer(store.rng, authorName), name: authorName };
  const person = customer(store.rng, randomLocale(store.rng));
  return { person, name: person.fullName };
}

/** The author of an injected message: the named member, else a customer of the chat, else a newcomer. */
function authorIn(store: ChatOpsStore, chat: WireChat, authorName: string | undefined): WireParticipant {
  const staffIds = new Set(store.staff.agents.map((agent) => agent.id));
  const existing = chat.participants.find((participant) =>
    authorName === undefined
      ? isMember(participant) && !isBotName(participant) && !staffIds.has(participant.id)
      : participant.userProperties.firstname === authorName || participant.userProperties.username === authorName,
  );
  if (existing) return existing;
  const newcomer = participantOf(newCustomer(store, authorName).person, preciseTime(Date.now()));
  chat.participants.push(newcomer);
  return newcomer;
}

/** A customer writes: into the chat, or into a new chat named after them. */
export function injectInbound(store: ChatOpsStore, input: InjectMessageInput) {
  let chat = input.chatExternalId === undefined ? undefined : store.chats.get(input.chatExternalId);
  if (input.chatExternalId !== undefined && !chat) {
    throw new SandboxInputError(404, `No chat ${input.chatExternalId} in the sandbox`);
  }
  if (!chat) {
    const { person, name } = newCustomer(store, input.authorName);
    const now = preciseTime(Date.now());
    chat = addChat(store, name, ACCOUNT_ID, [participantOf(SEED_BOT, now), participantOf(person, now)]);
  }
  const message = addMessage(store, chat.id, authorIn(store, chat, input.authorName).id, input.text);
  return { chatExternalId: chat.id, messageExternalId: message.id };
}
