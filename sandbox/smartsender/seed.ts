/**
 * The sandbox SmartSender's data, kept in SmartSender's own wire format.
 * Docs: ../shared/seeds/001_4c7582a753ef1710.txt (Chat; its three sample chats are part of
 * the data, verbatim) and ../shared/providers.md §1 (Message and its content types).
 * Written from the documents only: nothing here comes from the adapter.
 */
import chatSample from "@/lib/providers/smartsender/fixtures/chat-2120.json";
import chatListSample from "@/lib/providers/smartsender/fixtures/chats-list.json";
import {
  agentLine,
  createRng,
  customerLine,
  FILE_NAMES,
  firstName,
  intBetween,
  type Locale,
  personName,
  phoneNumber,
  pick,
  type Rng,
  randomLocale,
} from "@/sandbox/core/corpus";
import { mediaUrl } from "@/sandbox/core/media";

type WireChannel = {
  id: number;
  active: boolean;
  occupied: boolean;
  type: string;
  name: string;
  referrer: number;
  link: string;
  app: string;
  createdAt: string;
  updatedAt: string;
};
type WireGate = { id: number; subscribed: boolean; unreadMessages: number; channel: WireChannel };
type WireChat = {
  id: number;
  name: string;
  image: string | null;
  contact: { id: number; originalId: number };
  gates: WireGate[];
  createdAt: string;
  updatedAt: string;
};
export type WireContent = { type: string; resource: { parameters: Record<string, unknown> } };
export type WireMessage = {
  id: number;
  createdAt: string;
  deliveredAt: string | null;
  seenAt: string | null;
  internal: boolean;
  sender: { type: "contact" | "operator" | "bot"; fullName: string; image: string | null };
  gate: { id: number; channel: { id: number; type: string } };
  content: WireContent;
};

/** A chat as the fake holds it: the wire object plus what SmartSender keeps beside it. */
export type FakeChat = {
  chat: WireChat;
  state: "open" | "closed";
  operatorId: number | null;
  /** Oldest first. Internal messages are "activities": listed only with `activities=1`. */
  messages: WireMessage[];
};

export type FakeStore = {
  chats: Map<number, FakeChat>;
  chatIdByContact: Map<number, number>;
  operators: ReadonlyArray<{ id: number; fullName: string }>;
  nextIds: { chat: number; contact: number; gate: number; message: number };
  baseUrl: string;
  rng: Rng;
};

type FakeDataOptions = {
  seed: number;
  baseUrl: string;
  chats: number;
  /** Exactly this many per generated chat when given; 6–24 otherwise. */
  messagesPerChat?: number;
  bigChatMessages: number;
};

const pad = (value: number) => String(value).padStart(2, "0");

/** SmartSender's "YYYY-MM-DD HH:MM:SS", in UTC. */
export function wireDate(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function wireTime(text: string): number {
  return Date.parse(`${text.replace(" ", "T")}Z`);
}

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

/** Every content type providers.md lists; the big chat carries each of them. */
export const CONTENT_TYPES = [
  "text",
  "input",
  "action",
  "picture",
  "animation",
  "telegramCaptionedPicture",
  "file",
  "link",
  "video",
  "audio",
  "voice",
  "telegramVideoNote",
  "mediaGroup",
  "contact",
  "location",
  "transient",
] as const;
type ContentType = (typeof CONTENT_TYPES)[number];

const PLACES: Record<Locale, { latitude: number; longitude: number }> = {
  uk: { latitude: 50.4501, longitude: 30.5234 },
  ru: { latitude: 55.7558, longitude: 37.6173 },
  en: { latitude: 51.5072, longitude: -0.1276 },
};

const ACTIONS = ["Статус замовлення", "Связаться с оператором", "Track my order", "Повернення коштів"];

function textContent(type: "text" | "input" | "action", content: string): WireContent {
  return { type, resource: { parameters: { content } } };
}

function contentOf(
  type: ContentType,
  store: FakeStore,
  context: { messageId: number; createdAt: number; locale: Locale; inbound: boolean },
): WireContent {
  const { rng, baseUrl } = store;
  const { messageId, createdAt, locale, inbound } = context;
  const line = () => (inbound ? customerLine(rng, locale) : agentLine(rng, locale));
  const media = (name: string, extra: Record<string, unknown> = {}): WireContent => ({
    type,
    resource: { parameters: { url: mediaUrl(baseUrl, name), ...extra } },
  });
  switch (type) {
    case "text":
    case "input":
      return textContent(type, line());
    case "action":
      return textContent("action", pick(rng, ACTIONS));
    case "picture":
      return media(`photo-${messageId}.jpg`, rng() < 0.5 ? { caption: line() } : {});
    case "telegramCaptionedPicture":
      return media(`receipt-${messageId}.png`, { caption: line() });
    case "animation":
      return media(`animation-${messageId}.gif`);
    case "file":
      return media(`${messageId}-${pick(rng, FILE_NAMES)}`);
    case "link":
      return { type, resource: { parameters: { url: `https://example.com/orders/${messageId}` } } };
    case "video":
      return media(`video-${messageId}.mp4`);
    case "audio":
      return media(`audio-${messageId}.mp3`);
    case "voice":
      return media(`voice-${messageId}.ogg`);
    case "telegramVideoNote":
      return media(`note-${messageId}.mp4`);
    case "mediaGroup":
      return {
        type,
        resource: {
          parameters: {
            media: [
              { resource: { parameters: { url: mediaUrl(baseUrl, `group-${messageId}-1.jpg`), caption: line() } } },
              { resource: { parameters: { url: mediaUrl(baseUrl, `group-${messageId}-2.jpg`) } } },
              { resource: { parameters: { url: mediaUrl(baseUrl, `group-${messageId}-3.mp4`) } } },
            ],
          },
        },
      };
    case "contact":
      return {
        type,
        resource: { parameters: { name: personName(rng, locale), phoneNumber: phoneNumber(rng, locale) } },
      };
    case "location": {
      const place = PLACES[locale];
      const jitter = () => Math.round((rng() - 0.5) * 2000) / 10_000;
      return {
        type,
        resource: { parameters: { latitude: place.latitude + jitter(), longitude: place.longitude + jitter() } },
      };
    }
    case "transient":
      return {
        type,
        resource: {
          parameters: {
            original: textContent("text", line()),
            context: { timestamp: wireDate(createdAt + intBetween(rng, 1, 30) * MINUTE) },
          },
        },
      };
  }
}

function contactSender(chat: WireChat): WireMessage["sender"] {
  return { type: "contact", fullName: chat.name, image: chat.image };
}

function operatorSender(store: FakeStore): WireMessage["sender"] {
  const operator = pick(store.rng, store.operators);
  return {
    type: "operator",
    fullName: operator.fullName,
    image: mediaUrl(store.baseUrl, `operator-${operator.id}.png`),
  };
}

export function gateRef(gate: WireGate): WireMessage["gate"] {
  return { id: gate.id, channel: { id: gate.channel.id, type: gate.channel.type } };
}

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

function writeMessages(store: FakeStore, fake: FakeChat, list: Draft[], lastAt: number, locale: Locale): void {
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

function newGate(store: FakeStore, channel: WireChannel): WireGate {
  return { id: store.nextIds.gate++, subscribed: true, unreadMessages: 0, channel: structuredClone(channel) };
}

/** A chat for a new contact; its `gates[0]` is the channel the contact wrote from. */
export function newChat(store: FakeStore, name: string, createdAt: number, channelCount = 1): FakeChat {
  const { rng } = store;
  const id = store.nextIds.chat;
  store.nextIds.chat += intBetween(rng, 1, 4);
  const contactId = store.nextIds.contact;
  store.nextIds.contact += intBetween(rng, 1, 3);
  const first = pick(rng, CHANNELS);
  const channels = [first, ...CHANNELS.filter((channel) => channel !== first).slice(0, channelCount - 1)];
  const chat: WireChat = {
    id,
    name,
    image: rng() < 0.8 ? mediaUrl(store.baseUrl, `avatar-${id}.jpg`) : null,
    contact: { id: contactId, originalId: contactId - 1169 },
    gates: channels.map((channel) => newGate(store, channel)),
    createdAt: wireDate(createdAt),
    updatedAt: wireDate(createdAt),
  };
  const fake: FakeChat = { chat, state: "open", operatorId: null, messages: [] };
  store.chats.set(id, fake);
  store.chatIdByContact.set(contactId, id);
  return fake;
}

function addSeedChats(store: FakeStore): void {
  for (const sample of [chatSample, ...chatListSample.collection]) {
    const chat: WireChat = structuredClone(sample);
    const fake: FakeChat = { chat, state: "open", operatorId: null, messages: [] };
    store.chats.set(chat.id, fake);
    store.chatIdByContact.set(chat.contact.id, chat.id);
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

function addGeneratedChat(store: FakeStore, options: FakeDataOptions, big: boolean): void {
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

export function buildStore(options: FakeDataOptions): FakeStore {
  const store: FakeStore = {
    chats: new Map(),
    chatIdByContact: new Map(),
    operators: OPERATORS,
    nextIds: { chat: 5001, contact: 9003, gate: 12_001, message: 700_001 },
    baseUrl: options.baseUrl,
    rng: createRng(options.seed),
  };
  addSeedChats(store);
  for (let index = 0; index < options.chats; index += 1) addGeneratedChat(store, options, index === 0);
  return store;
}

/** A contact writes: the message lands on the chat's first gate, counts as unread and reopens the chat. */
export function addInboundText(store: FakeStore, fake: FakeChat, text: string, authorName: string | null): WireMessage {
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
