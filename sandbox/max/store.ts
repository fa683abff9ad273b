/**
 * What the MAX sandbox holds: its chats with their messages and members, and the update
 * backlog, in MAX's wire format (docs/providers/max.md; seed docs/providers/seeds/003_1ec703991a94c4d2.txt
 * for Chat), and how new chats and messages are made and stored.
 */
import { createRng, intBetween, type Locale } from "@/sandbox/core/corpus";
import { asMember, SANDBOX_BOT, sandboxUser, withPhoto } from "@/sandbox/max/people";
import type {
  WireAttachment,
  WireBody,
  WireChat,
  WireChatType,
  WireMember,
  WireMessage,
  WireUpdate,
  WireUser,
} from "@/sandbox/max/wire";

const DAY = 86_400_000;

export type ChatRecord = {
  chat: WireChat;
  /** Oldest first; equal timestamps keep their `seq` order. */
  messages: WireMessage[];
  members: WireMember[];
};

export type World = {
  bot: WireUser;
  chats: Map<number, ChatRecord>;
  /** The updates made while the data was seeded: the backlog a new long-polling bot receives. */
  history: WireUpdate[];
  /** Tells polling bots about changes: into `history` while seeding, then into the live update log. */
  emit: (...updates: WireUpdate[]) => void;
  newMid: () => string;
  newSeq: () => number;
  rng: () => number;
  baseUrl: string;
};

/** A world with only the bot in it; message ids and sequence numbers as MAX makes them. */
export function emptyWorld(baseUrl: string, seed: number): World {
  let midCounter = 0;
  let seqCounter = 115_400_000_000_000;
  const rng = createRng(seed);
  const history: WireUpdate[] = [];
  const world: World = {
    bot: SANDBOX_BOT,
    chats: new Map(),
    history,
    emit: (...updates) => history.push(...updates),
    rng,
    baseUrl,
    newMid: () => {
      midCounter += 1;
      const random = Math.floor(rng() * 0xffff_ffff)
        .toString(16)
        .padStart(8, "0");
      return `mid.${random}${midCounter.toString(16).padStart(24, "0")}`;
    },
    newSeq: () => {
      seqCounter += 1;
      return seqCounter;
    },
  };
  return world;
}

/** Dialogs have positive ids, group chats and channels negative ones, as in MAX. */
export function newChatId(world: World, type: WireChatType): number {
  for (;;) {
    const id =
      type === "dialog"
        ? intBetween(world.rng, 10_000_000, 99_999_999)
        : -(70_400_000_000_000 + intBetween(world.rng, 1, 99_999_999));
    if (!world.chats.has(id)) return id;
  }
}

/** A dialog with one customer; `name` picks the customer's name (an injected message's author). */
export function dialogChat(
  world: World,
  status: string,
  locale: Locale,
  name?: string,
): ChatRecord & { customer: WireUser } {
  const chatId = newChatId(world, "dialog");
  const customer = sandboxUser(world, 20_000_000 + (chatId % 10_000_000), locale, name);
  const chat: WireChat = {
    chat_id: chatId,
    type: "dialog",
    status,
    title: null,
    icon: null,
    last_event_time: 0,
    participants_count: 2,
    owner_id: null,
    participants: null,
    is_public: false,
    link: null,
    description: null,
    dialog_with_user: withPhoto(world, customer),
    chat_message_id: null,
  };
  const joinedAt = Date.now() - 90 * DAY;
  const members = [asMember(world, customer, joinedAt, "member"), asMember(world, world.bot, joinedAt, "member")];
  return { chat, messages: [], members, customer };
}

export function botStarted(record: ChatRecord, customer: WireUser, at: number, locale: Locale) {
  return {
    update_type: "bot_started",
    timestamp: at,
    chat_id: record.chat.chat_id,
    user: customer,
    payload: null,
    user_locale: locale,
  };
}

export type GroupSpec = {
  chatId: number;
  type: "chat" | "channel";
  status: string;
  title: string;
  icon: { url: string } | null;
  /** The first one owns the group. */
  users: WireUser[];
  link: string;
  isPublic: boolean;
  description: string | null;
  joinedAt: number;
};

/** A group chat or channel: its first user owns it, the bot is an admin, the others joined a day later. */
export function groupChat(world: World, spec: GroupSpec): ChatRecord {
  const [owner, ...others] = spec.users;
  if (!owner) throw new Error("A MAX group needs an owner");
  const members = [
    asMember(world, owner, spec.joinedAt, "owner"),
    asMember(world, world.bot, spec.joinedAt, "admin"),
    ...others.map((user) => asMember(world, user, spec.joinedAt + DAY, "member")),
  ];
  const chat: WireChat = {
    chat_id: spec.chatId,
    type: spec.type,
    status: spec.status,
    title: spec.title,
    icon: spec.icon,
    last_event_time: 0,
    participants_count: members.length,
    owner_id: owner.user_id,
    participants: Object.fromEntries(members.map((member) => [String(member.user_id), member.last_access_time])),
    is_public: spec.isPublic,
    link: spec.link,
    description: spec.description,
    messages_count: 0,
  };
  return { chat, messages: [], members };
}

/** A message as MAX shapes it: the recipient names the dialog's other side, channels add views. */
export function wireMessage(
  world: World,
  chat: WireChat,
  sender: WireUser | null,
  timestamp: number,
  body: WireBody,
): WireMessage {
  const dialogUser = chat.dialog_with_user?.user_id ?? null;
  const recipientUser =
    chat.type === "dialog" ? (sender?.user_id === world.bot.user_id ? dialogUser : world.bot.user_id) : null;
  const message: WireMessage = {
    sender,
    recipient: { chat_id: chat.chat_id, chat_type: chat.type, user_id: recipientUser },
    timestamp,
    body,
  };
  if (chat.type === "channel") {
    message.stat = { views: intBetween(world.rng, 40, 4_000) };
    if (chat.link) message.url = `${chat.link}/${body.mid.slice(-12)}`;
  }
  return message;
}

export function wireBody(world: World, text: string | null, attachments: WireAttachment[] | null): WireBody {
  return { mid: world.newMid(), seq: world.newSeq(), text, attachments };
}

/** Adds a message to its chat, keeping the chat's counters true. */
export function storeMessage(record: ChatRecord, message: WireMessage): void {
  record.messages.push(message);
  record.chat.last_event_time = Math.max(record.chat.last_event_time, message.timestamp);
  if (typeof record.chat.messages_count === "number") record.chat.messages_count = record.messages.length;
}

export function createdUpdate(message: WireMessage): WireUpdate {
  return { update_type: "message_created", timestamp: message.timestamp, message };
}
