/**
 * The sandbox Chat operations API's seeded data, in the API's own wire format: the seed's two
 * chats verbatim, then support groups with renamed titles, bots, members who left or came
 * back, inactive chats, and stored messages (edited, deleted, with entities).
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 */

import seedDetail from "@/lib/providers/chatops/fixtures/chat-detail.json";
import seedList from "@/lib/providers/chatops/fixtures/chat-list.json";
import {
  botLine,
  customer,
  invitationCode,
  type Person,
  participantOf,
  SEED_AGENT,
  SEED_BOT,
  staffOf,
  titleHistory,
  uuid,
} from "@/sandbox/chatops/people";
import type { ChatOpsStore } from "@/sandbox/chatops/store";
import {
  ACCOUNT_ID,
  detailFormOfListed,
  detailTime,
  preciseTime,
  SERVICE,
  type WireChat,
  type WireContent,
  type WireEntity,
  type WireMessage,
  type WireParticipant,
} from "@/sandbox/chatops/wire";
import {
  agentLine,
  createRng,
  customerLine,
  intBetween,
  type Locale,
  pick,
  type Rng,
  randomLocale,
} from "@/sandbox/core/corpus";

export type DataSize = { chats: number; messagesPerChat: number; bigChatMessages: number };

export const DEFAULT_SIZE: DataSize = { chats: 36, messagesPerChat: 10, bigChatMessages: 300 };

/** Generated chats are older than the seed's two, so the default (newest first) list starts with them. */
const GENERATED_UNTIL = Date.parse("2024-12-11T07:00:00Z");
const GENERATED_DAYS = 190;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function seedChats(): WireChat[] {
  const [, second] = seedList.records;
  const chats: WireChat[] = [structuredClone(seedDetail)];
  if (second) chats.push(detailFormOfListed(structuredClone(second)));
  return chats;
}

function content(text: string, capturedAt: string, entities: WireEntity[] = []): WireContent {
  return { value: { text, entities }, contentType: "text/plain", capturedAt };
}

function entityOf(text: string, part: string, type: string): WireEntity[] {
  const offset = text.indexOf(part);
  // Offsets and lengths count UTF-16 code units, as Telegram's entities do.
  return offset < 0 ? [] : [{ offset, length: part.length, type }];
}

type Cast = { customers: Person[]; agent: Person; bot: Person };

function agentMessage(rng: Rng, locale: Locale, cast: Cast): { text: string; entities: WireEntity[] } {
  let text = agentLine(rng, locale);
  const addressee = cast.customers[0];
  if (addressee && rng() < 0.25) text = `@${addressee.username}, ${text}`;
  if (rng() < 0.15) text = `${text} https://track.example.com/${intBetween(rng, 10_000_000, 99_999_999)}`;
  const mention = /^@\w+/.exec(text)?.[0];
  const url = /https:\/\/\S+$/.exec(text)?.[0];
  return {
    text,
    entities: [...(mention ? entityOf(text, mention, "mention") : []), ...(url ? entityOf(text, url, "url") : [])],
  };
}

/** A support conversation: the bot registers the request, then customers and the agent take turns. */
function conversation(rng: Rng, locale: Locale, cast: Cast, startMs: number, count: number): WireMessage[] {
  const messages: WireMessage[] = [];
  let at = startMs;
  for (let index = 0; index < count; index++) {
    at += intBetween(rng, 20, 3 * 3_600) * SECOND + intBetween(rng, 0, 999);
    const writtenAt = preciseTime(at);
    const roll = rng();
    let message: WireMessage;
    if (index === 0 || roll < 0.05) {
      const line = botLine(rng, locale);
      message = base(rng, cast.bot.id, writtenAt, [
        content(line.text, writtenAt, entityOf(line.text, line.bold, "bold")),
      ]);
    } else if (roll < 0.5) {
      const line = agentMessage(rng, locale, cast);
      message = base(rng, cast.agent.id, writtenAt, [content(line.text, writtenAt, line.entities)]);
    } else {
      const text = customerLine(rng, locale);
      const versions =
        rng() < 0.08
          ? // Edited: the first version lacked its last word.
            [
              content(text.replace(/\s*\S+$/, "") || text, writtenAt),
              content(text, preciseTime(at + intBetween(rng, 1, 10) * MINUTE)),
            ]
          : [content(text, writtenAt)];
      const author = cast.customers.length > 0 ? pick(rng, cast.customers) : cast.agent;
      message = { ...base(rng, author.id, writtenAt, versions), deleted: rng() < 0.04 };
    }
    messages.push(message);
  }
  return messages;
}

function base(rng: Rng, writtenBy: string, writtenAt: string, versions: WireContent[]): WireMessage {
  return { id: uuid(rng), writtenBy, writtenAt, deleted: false, content: versions };
}

function leaveOrReturn(rng: Rng, participant: WireParticipant, laterMs: number): void {
  const [first] = participant.participations;
  if (!first) return;
  const roll = rng();
  if (roll < 0.1) first.isActive = false;
  else if (roll < 0.18) {
    first.isActive = false;
    participant.participations.push({ isActive: true, joinedAt: preciseTime(laterMs) });
  }
}

type Generated = { chat: WireChat; messages: WireMessage[]; invitation: string };

function generatedChat(rng: Rng, staff: ChatOpsStore["staff"], messageCount: number): Generated {
  const locale = randomLocale(rng);
  const registeredMs = GENERATED_UNTIL - intBetween(rng, 0, GENERATED_DAYS * 24 * 3_600) * SECOND;
  const at = (offsetMs: number) => preciseTime(registeredMs + offsetMs + intBetween(rng, 0, 999));
  const closed = rng() < 0.2;
  const agent = pick(rng, staff.agents);
  const main = customer(rng, locale);
  const customers: Person[] = [main];

  const bot = participantOf(SEED_BOT, at(9 * SECOND), agent.id);
  if (closed && bot.participations[0]) bot.participations[0].isActive = false;
  const participants = [bot, participantOf(agent, at(18 * SECOND))];
  const invitedByAgent = () => (rng() < 0.5 ? agent.id : undefined);
  const mainParticipant = participantOf(main, at(intBetween(rng, 1, 30) * MINUTE), invitedByAgent());
  leaveOrReturn(rng, mainParticipant, registeredMs + intBetween(rng, 2, 48) * HOUR);
  participants.push(mainParticipant);
  if (rng() < 0.2) {
    const companion = customer(rng, locale);
    customers.push(companion);
    participants.push(participantOf(companion, at(intBetween(rng, 30, 240) * MINUTE), invitedByAgent()));
  }
  if (rng() < 0.25) participants.push(participantOf(pick(rng, staff.bots), at(40 * SECOND), agent.id));
  const colleague = pick(rng, staff.agents);
  if (colleague.id !== agent.id && rng() < 0.15) {
    const helper = participantOf(colleague, at(intBetween(rng, 1, 6) * HOUR), agent.id);
    if (helper.participations[0] && rng() < 0.4) helper.participations[0].isActive = false;
    participants.push(helper);
  }

  let renamedAfterMs = 18 * SECOND;
  const titles = titleHistory(rng, locale, main.fullName, closed).map((value, index) => {
    if (index > 0) renamedAfterMs += intBetween(rng, 2, 72) * HOUR;
    return { value, contentType: "text/plain", capturedAt: at(renamedAfterMs) };
  });
  // The documents do not say in which order titles come; some chats list the newest first.
  if (titles.length > 1 && rng() < 0.2) titles.reverse();

  const chat: WireChat = {
    id: uuid(rng),
    isActive: !closed,
    service: SERVICE,
    registeredAt: detailTime(registeredMs),
    createdBy: rng() < 0.85 ? ACCOUNT_ID : pick(rng, ["crm-integration", "support-portal"]),
    title: titles,
    participants,
  };
  const cast = { customers, agent, bot: SEED_BOT };
  return {
    chat,
    messages: conversation(rng, locale, cast, registeredMs + 2 * MINUTE, messageCount),
    invitation: `https://t.me/+${invitationCode(rng)}`,
  };
}

function messageCountFor(rng: Rng, perChat: number): number {
  return intBetween(rng, Math.ceil(perChat / 2), perChat + Math.floor(perChat / 2));
}

export function buildStore(seed: number, size: DataSize): ChatOpsStore {
  const rng = createRng(seed);
  const store: ChatOpsStore = {
    chats: new Map(),
    messages: new Map(),
    invitations: new Map(),
    staff: staffOf(rng),
    // Ids made while running come from their own stream, so the seeded data never shifts.
    rng: createRng(seed + 7_919),
  };
  const add = ({ chat, messages, invitation }: Generated) => {
    store.chats.set(chat.id, chat);
    store.messages.set(chat.id, new Map(messages.map((message) => [message.id, message])));
    store.invitations.set(chat.id, invitation);
  };
  for (const chat of seedChats()) {
    const cast = { customers: [SEED_AGENT], agent: SEED_AGENT, bot: SEED_BOT };
    const count = messageCountFor(rng, size.messagesPerChat);
    const messages = conversation(rng, "en", cast, Date.parse(chat.registeredAt) + 30 * SECOND, count);
    add({ chat, messages, invitation: `https://t.me/+${invitationCode(rng)}` });
  }
  const generatedCount = Math.max(0, size.chats - store.chats.size);
  for (let index = 0; index < generatedCount; index++) {
    const count = index === 0 ? size.bigChatMessages : messageCountFor(rng, size.messagesPerChat);
    add(generatedChat(rng, store.staff, count));
  }
  return store;
}
