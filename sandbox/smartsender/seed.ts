/**
 * The sandbox SmartSender's data, kept in SmartSender's own wire format.
 * Docs: docs/providers/seeds/001_4c7582a753ef1710.txt (Chat; its three sample chats are part of
 * the data, verbatim) and docs/providers/smartsender.md (Message and its content types).
 * Written from the documents only: nothing here comes from the adapter.
 */
import chatSample from "@/lib/providers/smartsender/fixtures/chat-2120.json";
import chatListSample from "@/lib/providers/smartsender/fixtures/chats-list.json";
import {
  createRng,
  firstName,
  intBetween,
  type Locale,
  personName,
  pick,
  type Rng,
  randomLocale,
} from "@/sandbox/core/corpus";
import { contentOf } from "@/sandbox/smartsender/content";
import { newChat, operatorSender, type SmartSenderStore, type StoredChat } from "@/sandbox/smartsender/store";
import {
  CONTENT_TYPES,
  type ContentType,
  contactSender,
  gateRef,
  type WireChannel,
  type WireChat,
  wireDate,
  wireTime,
} from "@/sandbox/smartsender/wire";

type FakeDataOptions = {
  seed: number;
  baseUrl: string;
  chats: number;
  /** Exactly this many per generated chat when given; 6–24 otherwise. */
  messagesPerChat?: number;
  bigChatMessages: number;
};

/** Data is dated before this fixed moment so a seed always gives the same data. */
const DATA_EPOCH = Date.UTC(2026, 10, 20, 18, 0, 0);
const MINUTE = 60_000;

const SEED_CHANNELS: WireChannel[] = chatListSample.collection[1]?.gates.map((gate) => gate.channel) ?? [];
const CHANNELS: WireChannel[] = [
  ...SEED_CHANNELS,
  {
    id: 41,
    active: true,
    occupied: true,
    type: "instagram",
    name: "smartsender.support",
    referrer: 14,
    link: "https://ig.me/m/smartsender.support",
    app: "instagram://user?username=smartsender.support",
    createdAt: "2021-03-02 10:14:51",
    updatedAt: "2021-03-02 10:14:51",
  },
];

const OPERATORS = [
  { id: 11, fullName: "Ірина Коваленко" },
  { id: 12, fullName: "Дмитрий Соколов" },
  { id: 13, fullName: "Grace Walker" },
];

type Draft = { inbound: boolean; internal: boolean; type: ContentType };

/** What operators send besides text; customers may send any type. */
const OPERATOR_TYPES: readonly ContentType[] = ["picture", "file", "link", "video", "audio", "mediaGroup", "location"];

/**
 * A conversation: customers mostly write text, sometimes media; operators answer and now and
 * then leave an internal note. An unread chat ends with `unreadTail` customer messages after
 * the operator's last answer.
 */
function drafts(rng: Rng, count: number, everyType: boolean, unreadTail: number): Draft[] {
  const list: Draft[] = [];
  for (let index = 0; index < count; index += 1) {
    const inbound = index === 0 || rng() < 0.55;
    const internal = !inbound && rng() < 0.06;
    const other = rng() < 0.2;
    const type = internal || !other ? "text" : pick(rng, inbound ? CONTENT_TYPES : OPERATOR_TYPES);
    list.push({ inbound, internal, type });
  }
  if (everyType) {
    CONTENT_TYPES.forEach((type, position) => {
      const draft = list[Math.min(count - 1, 5 + position * 7)];
      const fromOperator = OPERATOR_TYPES.includes(type) && position % 2 === 0;
      if (draft) Object.assign(draft, { type, internal: false, inbound: !fromOperator });
    });
  }
  if (unreadTail > 0) {
    const tailStart = Math.max(0, count - unreadTail);
    for (const draft of list.slice(tailStart)) Object.assign(draft, { inbound: true, internal: false });
    const answer = list[tailStart - 1];
    if (answer) Object.assign(answer, { inbound: false, internal: false, type: "text" });
  }
  return list;
}

function writeMessages(store: SmartSenderStore, fake: StoredChat, list: Draft[], lastAt: number, locale: Locale): void {
  const { rng } = store;
  const gate = fake.chat.gates[0];
  if (!gate) return;
  let at = lastAt;
  const times = list.map(() => {
    const time = at;
    at -= intBetween(rng, 1, 90) * MINUTE + intBetween(rng, 0, 59) * 1000;
    return time;
  });
  times.reverse();
  list.forEach((draft, index) => {
    const id = store.nextIds.message++;
    const createdAt = times[index] ?? lastAt;
    const outbound = !draft.inbound && !draft.internal;
    const seen = outbound && index < list.length - 2;
    fake.messages.push({
      id,
      createdAt: wireDate(createdAt),
      deliveredAt: outbound ? wireDate(createdAt + 1000) : null,
      seenAt: seen ? wireDate(createdAt + intBetween(rng, 1, 30) * MINUTE) : null,
      internal: draft.internal,
      sender: draft.inbound ? contactSender(fake.chat) : operatorSender(store),
      gate: gateRef(gate),
      content: contentOf(draft.type, store, { messageId: id, createdAt, locale, inbound: draft.inbound }),
    });
  });
}

function addSeedChats(store: SmartSenderStore): void {
  for (const sample of [chatSample, ...chatListSample.collection]) {
    const chat: WireChat = structuredClone(sample);
    const fake: StoredChat = { chat, state: "open", operatorId: null, messages: [] };
    store.chats.set(chat.id, fake);
    store.chatIdByContact.set(chat.contact.originalId, chat.id);
    const locale: Locale = chat.name.startsWith("Oleksandr") ? "uk" : "en";
    writeMessages(
      store,
      fake,
      drafts(store.rng, intBetween(store.rng, 3, 6), false, 0),
      wireTime(chat.updatedAt),
      locale,
    );
  }
}

function addGeneratedChat(store: SmartSenderStore, options: FakeDataOptions, big: boolean): void {
  const { rng } = store;
  const locale = randomLocale(rng);
  const name = rng() < 0.15 ? firstName(rng, locale) : personName(rng, locale);
  const count = big ? options.bigChatMessages : (options.messagesPerChat ?? intBetween(rng, 6, 24));
  const unreadTail = rng() < 0.35 ? Math.min(count, intBetween(rng, 1, 3)) : 0;
  const lastAt = DATA_EPOCH - intBetween(rng, 0, 14 * 24 * 60) * MINUTE;
  const fake = newChat(store, name, lastAt, rng() < 0.2 ? 2 : 1);
  writeMessages(store, fake, drafts(rng, count, big, unreadTail), lastAt, locale);
  const first = fake.messages[0];
  const last = fake.messages.at(-1);
  if (first) fake.chat.createdAt = wireDate(wireTime(first.createdAt) - 5 * MINUTE);
  if (last) fake.chat.updatedAt = last.createdAt;
  const gate = fake.chat.gates[0];
  if (gate) gate.unreadMessages = unreadTail;
  fake.state = unreadTail === 0 && rng() < 0.15 ? "closed" : "open";
  fake.operatorId = rng() < 0.5 ? pick(rng, OPERATORS).id : null;
}

export function buildStore(options: FakeDataOptions): SmartSenderStore {
  const store: SmartSenderStore = {
    chats: new Map(),
    chatIdByContact: new Map(),
    channels: CHANNELS,
    operators: OPERATORS,
    nextIds: { chat: 5001, contact: 9003, gate: 12_001, message: 700_001 },
    baseUrl: options.baseUrl,
    rng: createRng(options.seed),
  };
  addSeedChats(store);
  for (let index = 0; index < options.chats; index += 1) addGeneratedChat(store, options, index === 0);
  return store;
}
