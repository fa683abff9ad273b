/**
 * The sandbox bridge's data, in its own wire format: the seed's sample chat
 * (docs/providers/seeds/000_62f7899ae3925019.txt) plus seeded Russian, Ukrainian and English support
 * chats (docs/providers/tgbridge.md for ChatDto and MessageType). Every chat opens with an
 * OpenChatMode event at its Created time; closed ones end with CloseChatMode and a CloseDate.
 */

import * as corpus from "@/sandbox/core/corpus";
import { appendRecord, type BridgeStore, type Employee, openChat, recordsOf } from "@/sandbox/tgbridge/store";
import { MESSAGE_TYPE, type WireChat, type WireMessage, wireChat, wireMessage } from "@/sandbox/tgbridge/wire";

export type BridgeDataOptions = {
  seed: number;
  now: number;
  chats: number;
  messagesPerChat: number;
  bigChatMessages: number;
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const SAMPLE_CREATED = "2026-02-04T02:09:21.7561449+00:00";

/** The seed's MessageStructDto sample, field for field. */
function sampleMessage(): WireMessage {
  return wireMessage({
    Reactions: [
      { Employee: 1, Emoji: "sample string 2" },
      { Employee: 1, Emoji: "sample string 2" },
    ],
    Reply: { Id: 1, Name: "sample string 2", Message: "sample string 3" },
    AdditionalKey: 1,
    Id: 2,
    Chat: 3,
    ChatId: 4,
    Created: SAMPLE_CREATED,
    Message: "sample string 6",
    From: "sample string 7",
    Phone: "sample string 8",
    EmployeeId: 1,
    MessageType: MESSAGE_TYPE.CloseChatMode,
    Attachments: ["sample string 1", "sample string 2"],
    Area: 9,
    ChannelId: 10,
    ReplyId: 11,
    Level: 12,
    Source: 0,
    State: 0,
  });
}

/** The seed's ActiveChat (Id 1) as a chat of the sandbox, reachable by phone "sample string 8". */
const SAMPLE_CHAT_ID = 1;
const SAMPLE_PHONE = "sample string 8";

function sampleChat(): WireChat {
  return wireChat({
    Id: SAMPLE_CHAT_ID,
    Created: SAMPLE_CREATED,
    Name: "sample string 7",
    Phone: SAMPLE_PHONE,
    ChatId: 4,
    ChannelId: 10,
    // GetActiveChatByPhone returns it, so the bridge holds it as active.
    CloseDate: null,
    State: 0,
    LastMessage: SAMPLE_CREATED,
    LastEmployee: 1,
    Area: 9,
    Classification: null,
    Source: 0,
  });
}

const ATTACHMENT_NAMES = [
  "photo_{n}.jpg",
  "screenshot_{n}.png",
  "voice_{n}.ogg",
  "video_{n}.mp4",
  "recording_{n}.mp3",
  "animation_{n}.gif",
  "sticker_{n}.tgs",
  ...corpus.FILE_NAMES,
] as const;

const EDIT_NOTES: Record<corpus.Locale, string> = { ru: "Исправление:", uk: "Виправлення:", en: "Correction:" };

type ChatPlan = { messages: number; closed: boolean; endsUnanswered: boolean; big: boolean };

function generateChat(rng: corpus.Rng, store: BridgeStore, plan: ChatPlan, now: number): void {
  const locale = corpus.randomLocale(rng);
  const customer = corpus.personName(rng, locale);
  const phone = corpus.phoneNumber(rng, locale);
  const owner = corpus.pick(rng, store.employees);
  const telegramChatId = corpus.intBetween(rng, 100_000_000, 999_999_999);
  const channelId = corpus.intBetween(rng, 1, 2);
  const [minGap, maxGap] = plan.big ? [10, 180] : [1, 120];
  const gaps = Array.from({ length: plan.messages + 1 }, () => corpus.intBetween(rng, minGap, maxGap) * MINUTE);
  const end =
    now - (plan.closed ? corpus.intBetween(rng, 1, 30) * DAY : corpus.intBetween(rng, 5, 3 * 24 * 60) * MINUTE);
  let at = end - gaps.reduce((sum, gap) => sum + gap, 0);
  const chat = openChat(
    store,
    { Name: customer, Phone: phone, ChatId: telegramChatId, ChannelId: channelId, Area: owner.area, Source: 0 },
    at,
  );
  const later = (record: WireMessage, fields: Partial<WireMessage> & Pick<WireMessage, "MessageType">) =>
    appendRecord(
      store,
      chat,
      { ...record, ...fields },
      Math.min(now, Date.parse(record.Created) + corpus.intBetween(rng, 1, 20) * MINUTE),
    );

  let lastCustomerMessage: WireMessage | null = null;
  let customerSpeaks = true;
  for (let index = 0; index < plan.messages; index++) {
    at += gaps[index] ?? MINUTE;
    const unansweredTail = plan.endsUnanswered && index >= plan.messages - 2;
    if (index > 0) customerSpeaks = unansweredTail || (customerSpeaks ? rng() < 0.4 : rng() < 0.7);
    if (index === 1 && rng() < 0.25) {
      appendRecord(store, chat, { MessageType: MESSAGE_TYPE.AuthMessage, Message: phone }, at);
      continue;
    }
    if (customerSpeaks) {
      const withFile = rng() < 0.14;
      const file = corpus.pick(rng, ATTACHMENT_NAMES).replace("{n}", String(index + 1));
      const record = appendRecord(
        store,
        chat,
        {
          MessageType: MESSAGE_TYPE.Message,
          Message: withFile && file.startsWith("voice") ? null : corpus.customerLine(rng, locale),
          Attachments: withFile ? [file] : [],
          Reactions: rng() < 0.15 ? [{ Employee: owner.id, Emoji: corpus.pick(rng, corpus.EMOJIS) }] : [],
        },
        at,
      );
      if (rng() < 0.05) {
        later(record, {
          MessageType: MESSAGE_TYPE.UpdateReaction,
          Reactions: [{ Employee: owner.id, Emoji: corpus.pick(rng, corpus.EMOJIS) }],
        });
      }
      lastCustomerMessage = record;
      continue;
    }
    const employee = rng() < 0.85 ? owner : corpus.pick(rng, store.employees);
    const replyTo = lastCustomerMessage && rng() < 0.2 ? lastCustomerMessage : null;
    const record = appendRecord(
      store,
      chat,
      {
        MessageType: rng() < 0.1 ? MESSAGE_TYPE.MessageWithoutMenuUpdate : MESSAGE_TYPE.Message,
        Message: corpus.agentLine(rng, locale),
        From: employee.name,
        EmployeeId: employee.id,
        ReplyId: replyTo?.Id ?? null,
        Reply: replyTo ? { Id: replyTo.Id, Name: replyTo.From, Message: replyTo.Message } : null,
      },
      at,
    );
    if (rng() < 0.06) {
      later(record, {
        MessageType: MESSAGE_TYPE.UpdateMessage,
        Message: `${EDIT_NOTES[locale]} ${corpus.agentLine(rng, locale)}`,
      });
    }
  }
  if (plan.closed) {
    at += gaps[plan.messages] ?? MINUTE;
    const closing = { MessageType: MESSAGE_TYPE.CloseChatMode, From: owner.name, EmployeeId: owner.id };
    appendRecord(store, chat, closing, at);
  }
  // Updates come a while after their message: keep the records in time order.
  recordsOf(store, chat.Id).sort((a, b) => Date.parse(a.Created) - Date.parse(b.Created));
  if (plan.endsUnanswered) store.copilot.set(chat.Id, [corpus.agentLine(rng, locale), corpus.agentLine(rng, locale)]);
}

export function generateBridgeStore(options: BridgeDataOptions): BridgeStore {
  const rng = corpus.createRng(options.seed);
  const employees: Employee[] = Array.from({ length: 5 }, (_, index) => ({
    id: index + 1,
    name: corpus.personName(rng),
    area: (index % 3) + 1,
  }));
  const store: BridgeStore = {
    employees,
    chats: [sampleChat()],
    records: new Map([[SAMPLE_CHAT_ID, [sampleMessage(), sampleMessage()]]]),
    copilot: new Map(),
    rng: corpus.createRng(options.seed * 7919 + 17),
    nextChatId: 101,
    nextMessageId: 1001,
    nextAdditionalKey: 5001,
  };
  const perChat = Math.max(2, options.messagesPerChat);
  for (let index = 0; index < options.chats; index++) {
    const big = index === 0;
    const closed = !big && rng() < 0.3;
    generateChat(
      rng,
      store,
      {
        big,
        closed,
        endsUnanswered: !closed && index % 2 === 0,
        messages: big
          ? options.bigChatMessages
          : corpus.intBetween(rng, Math.max(2, Math.round(perChat * 0.5)), Math.round(perChat * 1.5)),
      },
      options.now,
    );
  }
  return store;
}
