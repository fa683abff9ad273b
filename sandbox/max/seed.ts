/**
 * The MAX sandbox's data, in MAX's own wire format: dialogs, group chats and channels (some
 * public, found by link or username), members, replies, forwards and every attachment type,
 * one chat with hundreds of messages, and the update backlog that tells a polling bot about all
 * of it. Docs: seed docs/providers/seeds/003_1ec703991a94c4d2.txt (the Chat object: the seed-derived
 * fixtures are served verbatim), docs/providers/max.md (everything else).
 */

import { intBetween, type Locale, pick, randomLocale } from "@/sandbox/core/corpus";
import { mediaUrl } from "@/sandbox/core/media";
import { generateConversation } from "@/sandbox/max/conversation";
import { plainUser, sandboxUser } from "@/sandbox/max/people";
import { fixtureDialog, fixtureGroup } from "@/sandbox/max/seed-chats";
import {
  botStarted,
  type ChatRecord,
  dialogChat,
  emptyWorld,
  groupChat,
  newChatId,
  type World,
} from "@/sandbox/max/store";
import type { WireChatType, WireUser } from "@/sandbox/max/wire";

export type WorldSize = { chats: number; messagesPerChat: number | null; bigChatMessages: number };

export const DEFAULT_SIZE: WorldSize = { chats: 34, messagesPerChat: null, bigChatMessages: 300 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const GROUP_TITLES: Record<Locale, readonly string[]> = {
  ru: ["Поддержка: оптовые заказы", "Чат покупателей", "Возвраты и обмены", "Партнёры — доставка"],
  uk: ["Підтримка: доставка Київ", "Клуб покупців", "Повернення та обмін"],
  en: ["Wholesale support", "Beta testers", "Partner couriers"],
};

/** Per language: the shop's channel and what its groups are for. */
const SHOP: Record<Locale, { channel: string; groupDescription: string }> = {
  ru: { channel: "Новости магазина", groupDescription: "Вопросы о заказах и доставке" },
  uk: { channel: "Новини магазину", groupDescription: "Питання про замовлення та доставку" },
  en: { channel: "Shop updates", groupDescription: "Orders and delivery questions" },
};

const PUBLIC_SLUGS = ["zakazy_help", "dostavka_kyiv", "shop_news", "opt_orders", "beta_club", "returns_desk"];

function typeOf(index: number): WireChatType {
  if (index === 0) return "chat";
  if (index % 6 === 1) return "channel";
  return index % 4 === 2 ? "chat" : "dialog";
}

/** Fixed positions, so the default data always has each of the seed's statuses. */
function statusOf(index: number): string {
  if (index % 9 === 4) return "closed";
  if (index % 11 === 8) return "removed";
  if (index % 13 === 11) return "left";
  return "active";
}

function messageCount(world: World, size: WorldSize, index: number): number {
  if (index === 0) return size.bigChatMessages;
  return size.messagesPerChat ?? intBetween(world.rng, 4, 18);
}

function joinEvents(world: World, record: ChatRecord, owner: WireUser, firstAt: number): void {
  const { chat } = record;
  const isChannel = chat.type === "channel";
  world.emit({
    update_type: "bot_added",
    timestamp: firstAt - 60_000,
    chat_id: chat.chat_id,
    user: owner,
    is_channel: isChannel,
  });
  for (const member of record.members.slice(2, 4)) {
    world.emit({
      update_type: "user_added",
      timestamp: firstAt - 30_000,
      chat_id: chat.chat_id,
      user: plainUser(member),
      inviter_id: owner.user_id,
      is_channel: isChannel,
    });
  }
}

/** Some groups were renamed, and from some a member was removed (no longer among the members). */
function groupChanges(world: World, record: ChatRecord, index: number, owner: WireUser, firstAt: number): void {
  const { chat } = record;
  const common = { chat_id: chat.chat_id, is_channel: chat.type === "channel" };
  if (index % 8 === 2) {
    world.emit({
      update_type: "chat_title_changed",
      timestamp: firstAt - 10_000,
      ...common,
      user: owner,
      title: chat.title,
    });
  }
  if (index % 8 === 6) {
    const former = sandboxUser(world, intBetween(world.rng, 50_000_000, 59_999_999), randomLocale(world.rng));
    world.emit(
      { update_type: "user_added", timestamp: firstAt - 20_000, ...common, user: former, inviter_id: owner.user_id },
      { update_type: "user_removed", timestamp: firstAt - 5_000, ...common, user: former, admin_id: owner.user_id },
    );
  }
}

function generatedGroup(world: World, index: number, type: "chat" | "channel", locale: Locale, lastAt: number) {
  const chatId = newChatId(world, type);
  const memberCount =
    index === 0 ? 140 : type === "channel" ? intBetween(world.rng, 20, 60) : intBetween(world.rng, 3, 9);
  const users = Array.from({ length: memberCount - 1 }, (_, offset) =>
    sandboxUser(world, 30_000_000 + (Math.abs(chatId) % 1_000_000) * 100 + offset, randomLocale(world.rng)),
  );
  const isPublic = type === "channel" || index % 3 === 0;
  const slug = index === 0 ? "help_center" : `${pick(world.rng, PUBLIC_SLUGS)}_${index}`;
  return groupChat(world, {
    chatId,
    type,
    status: statusOf(index),
    title: type === "channel" ? SHOP[locale].channel : pick(world.rng, GROUP_TITLES[locale]),
    icon: world.rng() < 0.7 ? { url: mediaUrl(world.baseUrl, `chat-${Math.abs(chatId)}.png`) } : null,
    users,
    link: isPublic ? `https://max.ru/${slug}` : `https://max.ru/join/${Math.abs(chatId).toString(36)}${index}`,
    isPublic,
    description: type === "channel" ? null : SHOP[locale].groupDescription,
    joinedAt: lastAt - 60 * DAY,
  });
}

function generatedChat(world: World, size: WorldSize, index: number, endAt: number): ChatRecord {
  const type = typeOf(index);
  const locale = randomLocale(world.rng);
  const lastAt = index === 0 ? endAt : endAt - intBetween(world.rng, 0, 14 * DAY);
  const count = messageCount(world, size, index);
  const maxGapMs = index === 0 ? 40 * 60_000 : 3 * HOUR;
  if (type === "dialog") {
    const { customer, ...record } = dialogChat(world, statusOf(index), locale);
    world.emit(botStarted(record, customer, lastAt - count * maxGapMs - 60_000, locale));
    generateConversation(world, { record, customers: [customer], locale, count, endAt: lastAt, maxGapMs });
    return closeIfNeeded(world, record);
  }
  const record = generatedGroup(world, index, type, locale, lastAt);
  const customers = record.members.filter((member) => !member.is_bot).map(plainUser);
  const owner = customers[0] as WireUser;
  joinEvents(world, record, owner, lastAt - count * maxGapMs);
  groupChanges(world, record, index, owner, lastAt - count * maxGapMs);
  generateConversation(world, { record, customers, locale, count, endAt: lastAt, maxGapMs });
  if (index % 2 === 0) record.chat.pinned_message = record.messages.find((message) => message.sender?.is_bot) ?? null;
  return closeIfNeeded(world, record);
}

/** A chat the bot was removed from ends with `bot_removed`, as MAX reports it. */
function closeIfNeeded(world: World, record: ChatRecord): ChatRecord {
  const { chat } = record;
  if (chat.status === "removed") {
    chat.last_event_time += 60_000;
    const owner = record.members[0] as WireUser;
    world.emit({
      update_type: "bot_removed",
      timestamp: chat.last_event_time,
      chat_id: chat.chat_id,
      user: owner,
      is_channel: chat.type === "channel",
    });
  }
  return record;
}

export function createWorld(baseUrl: string, seed: number, size: WorldSize): World {
  const world = emptyWorld(baseUrl, seed);
  const add = (record: ChatRecord) => world.chats.set(record.chat.chat_id, record);
  add(fixtureGroup(world));
  add(fixtureDialog(world));
  const endAt = Date.now() - 60_000;
  for (let index = 0; index < size.chats; index += 1) add(generatedChat(world, size, index, endAt));
  world.history.sort((a, b) => a.timestamp - b.timestamp);
  return world;
}
