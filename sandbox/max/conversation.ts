/**
 * Message history for the MAX sandbox, in MAX's wire format (docs/providers/max.md: Message,
 * MessageBody, LinkedMessage and every attachment type; seed docs/providers/seeds/003_1ec703991a94c4d2.txt).
 * Each generated message is also written to the update backlog as `message_created`, with the
 * occasional edit (`message_edited`) and deleted message (`message_removed`).
 */

import {
  agentLine,
  customerLine,
  FILE_NAMES,
  intBetween,
  type Locale,
  personName,
  phoneNumber,
  pick,
} from "@/sandbox/core/corpus";
import { mediaUrl } from "@/sandbox/core/media";
import { type ChatRecord, createdUpdate, storeMessage, type World, wireBody, wireMessage } from "@/sandbox/max/store";
import type { WireAttachment, WireMessage, WireUpdate, WireUser } from "@/sandbox/max/wire";

export const ATTACHMENT_KINDS = ["image", "video", "audio", "file", "sticker", "contact", "share", "location"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const PLACES: ReadonlyArray<readonly [number, number]> = [
  [50.4501, 30.5234],
  [55.7558, 37.6173],
  [51.5072, -0.1276],
  [49.8397, 24.0297],
];

/** Per language: a shared order page's title, the note an edit adds, a message sent to the wrong chat. */
const PHRASES: Record<Locale, { share: string; edit: string; wrongChat: string }> = {
  ru: { share: "Заказ в интернет-магазине", edit: "Номер заказа 48213.", wrongChat: "Ой, это не вам" },
  uk: { share: "Замовлення в інтернет-магазині", edit: "Номер замовлення 48213.", wrongChat: "Ой, це не вам" },
  en: { share: "Your order page", edit: "Order number 48213.", wrongChat: "Oops, wrong chat" },
};

const RATING_KEYBOARD: WireAttachment = {
  type: "inline_keyboard",
  payload: {
    buttons: [
      [
        { type: "callback", text: "👍", payload: "rate_good", intent: "positive" },
        { type: "callback", text: "👎", payload: "rate_bad", intent: "negative" },
      ],
      [{ type: "link", text: "Orders / Заказы", url: "https://example.com/orders" }],
    ],
  },
};

export function sandboxAttachment(world: World, kind: AttachmentKind, locale: Locale, n: number): WireAttachment {
  const url = (name: string) => mediaUrl(world.baseUrl, name);
  const { rng } = world;
  switch (kind) {
    case "image": {
      const photoId = 8_800_000_000 + n;
      return { type: "image", payload: { photo_id: photoId, token: `imgTok_${photoId}`, url: url(`photo-${n}.jpg`) } };
    }
    case "video":
      return {
        type: "video",
        payload: { url: url(`video-${n}.mp4`), token: `vidTok_${n}` },
        thumbnail: { url: url(`video-${n}-thumb.jpg`) },
        width: 1280,
        height: 720,
        duration: intBetween(rng, 3, 90),
      };
    case "audio":
      return { type: "audio", payload: { url: url(`voice-${n}.ogg`), token: `audTok_${n}` }, transcription: null };
    case "file": {
      const filename = pick(rng, FILE_NAMES);
      return {
        type: "file",
        payload: { url: url(`${n}-${filename}`), token: `fileTok_${n}` },
        filename,
        size: intBetween(rng, 2_000, 2_500_000),
      };
    }
    case "sticker": {
      const code = String(40_000 + n);
      return { type: "sticker", payload: { url: url(`sticker-${code}.webp`), code }, width: 512, height: 512 };
    }
    case "contact": {
      const name = personName(rng, locale);
      const vcard = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nTEL;TYPE=CELL:${phoneNumber(rng, locale)}\r\nEND:VCARD`;
      return { type: "contact", payload: { vcf_info: vcard, max_info: null } };
    }
    case "share":
      return {
        type: "share",
        payload: { url: `https://example.com/orders/${48_000 + n}` },
        title: PHRASES[locale].share,
        description: null,
        image_url: url(`share-${n}.png`),
      };
    case "location": {
      const [latitude, longitude] = pick(rng, PLACES);
      return { type: "location", latitude: latitude + rng() / 100, longitude: longitude + rng() / 100 };
    }
  }
}

/** `count` ascending timestamps ending at `endAt`; about one gap in eight is zero (same millisecond). */
function timeline(world: World, count: number, endAt: number, maxGapMs: number): number[] {
  const times: number[] = [];
  let at = endAt;
  for (let index = 0; index < count; index += 1) {
    times.push(at);
    at -= world.rng() < 0.12 ? 0 : intBetween(world.rng, 15_000, maxGapMs);
  }
  return times.reverse();
}

export type ConversationInput = {
  record: ChatRecord;
  /** Non-bot authors; for channels nobody but the bot (or the channel itself) posts. */
  customers: WireUser[];
  locale: Locale;
  count: number;
  endAt: number;
  maxGapMs: number;
};

function authorOf(world: World, input: ConversationInput, index: number): WireUser | null {
  const { rng } = world;
  if (input.record.chat.type === "channel") return rng() < 0.2 ? null : world.bot;
  if (index === 0 || input.customers.length === 0) return input.customers[0] ?? world.bot;
  const botShare = input.record.chat.type === "dialog" ? 0.45 : 0.3;
  return rng() < botShare ? world.bot : pick(rng, input.customers);
}

function linkTo(world: World, earlier: WireMessage[]): WireMessage["link"] | undefined {
  const { rng } = world;
  if (earlier.length > 2 && rng() < 0.16) {
    const quoted = pick(rng, earlier.slice(-6));
    return { type: "reply", sender: quoted.sender, message: quoted.body };
  }
  if (earlier.length > 0 && rng() < 0.03) {
    const original = pick(rng, earlier);
    return {
      type: "forward",
      sender: original.sender,
      chat_id: original.recipient.chat_id,
      message: original.body,
    };
  }
  return undefined;
}

export function generateConversation(world: World, input: ConversationInput): void {
  const { rng } = world;
  const { record, locale } = input;
  const times = timeline(world, input.count, input.endAt, input.maxGapMs);
  times.forEach((timestamp, index) => {
    const sender = authorOf(world, input, index);
    const fromBot = sender === null || sender.user_id === world.bot.user_id;
    let text: string | null = fromBot ? agentLine(rng, locale) : customerLine(rng, locale);
    const attachments: WireAttachment[] = [];
    if (index % 5 === 3) {
      const kind = ATTACHMENT_KINDS[Math.floor(index / 5) % ATTACHMENT_KINDS.length] as AttachmentKind;
      attachments.push(sandboxAttachment(world, kind, locale, record.messages.length + index * 7 + 1));
      if (kind === "sticker" || kind === "location" || rng() < 0.4) text = null;
    }
    if (fromBot && rng() < 0.08) attachments.push(RATING_KEYBOARD);
    const link = linkTo(world, record.messages);
    const body = wireBody(world, link?.type === "forward" ? null : text, attachments.length > 0 ? attachments : null);
    const message = wireMessage(world, record.chat, sender, timestamp, body);
    if (link) message.link = link;
    const editable = !fromBot && body.text !== null && rng() < 0.05;
    storeMessage(record, message);
    if (editable) {
      world.emit(createdUpdate({ ...message, body: { ...body } }));
      body.text = `${body.text} ${PHRASES[locale].edit}`;
      world.emit({ update_type: "message_edited", timestamp: timestamp + 45_000, message });
    } else {
      world.emit(createdUpdate(message));
    }
    if (!fromBot && sender && index === Math.floor(input.count / 2))
      recordRemoved(world, record, sender, locale, timestamp);
  });
}

/** A customer posts into the wrong chat and deletes it: only the backlog remembers it. */
function recordRemoved(world: World, record: ChatRecord, sender: WireUser, locale: Locale, at: number): void {
  const body = wireBody(world, PHRASES[locale].wrongChat, null);
  const message = wireMessage(world, record.chat, sender, at, body);
  const removal: WireUpdate = {
    update_type: "message_removed",
    timestamp: at + 20_000,
    message_id: body.mid,
    chat_id: record.chat.chat_id,
    user_id: sender.user_id,
  };
  world.emit(createdUpdate(message), removal);
}
