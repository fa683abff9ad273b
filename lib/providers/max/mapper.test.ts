/**
 * The MAX mapper on the fixtures: the seed's Chat (docs/providers/seeds/003_1ec703991a94c4d2.txt) and
 * samples in providers.md §2 shapes, asserting what a support agent would see.
 */
import { describe, expect, it } from "vitest";
import chatByLink from "@/lib/providers/max/fixtures/chat-by-link.json";
import dialogByUsername from "@/lib/providers/max/fixtures/dialog-by-username.json";
import membersPage from "@/lib/providers/max/fixtures/members.json";
import messagesPage from "@/lib/providers/max/fixtures/messages.json";
import updatesPage from "@/lib/providers/max/fixtures/updates.json";
import { mapAttachment, mapChat, mapMessage, mapParticipant, mapUpdate } from "@/lib/providers/max/mapper";
import {
  attachmentSchema,
  chatMemberSchema,
  chatSchema,
  messageSchema,
  updateSchema,
} from "@/lib/providers/max/schemas";
import type { NormalizedMessage } from "@/lib/providers/types";

const BOT_ID = 590001;
const GROUP_ID = String(chatByLink.chat_id);

const chat = (value: unknown) => mapChat(chatSchema.parse(value));
const sampleMessages = messagesPage.messages.map((message) => messageSchema.parse(message));
const messages = sampleMessages.map((message) => mapMessage(message, { chatExternalId: GROUP_ID, botUserId: BOT_ID }));
const byText = (fragment: string): NormalizedMessage => {
  const found = messages.find((message) => message.text?.includes(fragment));
  if (!found) throw new Error(`no message with "${fragment}"`);
  return found;
};
const withAttachment = (kind: string): NormalizedMessage => {
  const found = messages.find((message) => message.attachments.some((attachment) => attachment.kind === kind));
  if (!found) throw new Error(`no message with a ${kind}`);
  return found;
};

describe("MAX chats", () => {
  it("shows the seed's group chat with its title, public link, members count and icon", () => {
    const mapped = chat(chatByLink);
    expect(mapped).toMatchObject({
      externalId: "-70412345678901",
      kind: "group",
      title: "Поддержка клиентов — Доставка",
      status: "open",
      providerStatus: "active",
      publicLink: "https://max.ru/dostavka_help",
      participantsCount: 4,
      avatarUrl: "https://i.oneme.ru/i?r=chatIcon70412345678901",
      providerUnreadCount: null,
      lastMessageAt: new Date(1795165200000),
    });
    expect(mapped.raw).toEqual(chatByLink);
  });

  it("names a dialog without a title after the customer and shows the customer's photo", () => {
    const mapped = chat(dialogByUsername);
    expect(mapped).toMatchObject({
      externalId: "91827364",
      kind: "dialog",
      title: "Олена Коваленко",
      avatarUrl: "https://i.oneme.ru/avatars/77120045.jpg",
      publicLink: null,
      participantsCount: 2,
    });
  });

  it.each(["removed", "left", "closed", "suspended"])("shows a %s chat as closed, keeping MAX's word", (status) => {
    expect(chat({ ...chatByLink, status })).toMatchObject({ status: "closed", providerStatus: status });
  });

  it("maps channels and falls back to the link when a chat has no title at all", () => {
    expect(chat({ ...chatByLink, type: "channel" }).kind).toBe("channel");
    expect(chat({ ...chatByLink, title: null }).title).toBe("https://max.ru/dostavka_help");
  });

  it("accepts the smaller providers.md shape (no optional fields) and refuses a chat without an id", () => {
    const { owner_id, participants, link, dialog_with_user, chat_message_id, pinned_message, messages_count, ...bare } =
      chatByLink;
    expect(chat(bare)).toMatchObject({ publicLink: null, title: "Поддержка клиентов — Доставка" });
    const { chat_id, ...noId } = chatByLink;
    expect(chatSchema.safeParse(noId).success).toBe(false);
  });
});

describe("MAX messages", () => {
  it("maps every message of the sample page with no reactions (MAX has none)", () => {
    expect(messages).toHaveLength(12);
    expect(messages.every((message) => message.reactions.length === 0)).toBe(true);
    expect(messages.every((message) => message.chatExternalId === GROUP_ID)).toBe(true);
  });

  it("tells the bot's own messages (outbound) from customers' (inbound)", () => {
    const answer = byText("посилку передано кур'єру");
    expect(answer).toMatchObject({
      direction: "outbound",
      authorName: "Поддержка магазина",
      authorExternalId: "590001",
    });
    expect(byText("у вихідні")).toMatchObject({ direction: "inbound", authorName: "Ірина Мельник" });
  });

  it("counts a channel post without a sender as the channel's own (outbound), not a customer's", () => {
    const [sample] = sampleMessages;
    if (!sample) throw new Error("empty sample page");
    const post = { ...sample, sender: null, recipient: { ...sample.recipient, chat_type: "channel" as const } };
    expect(mapMessage(post, { chatExternalId: GROUP_ID, botUserId: BOT_ID })).toMatchObject({
      direction: "outbound",
      authorName: null,
      authorExternalId: null,
    });
  });

  it("quotes the replied-to message with its author and text", () => {
    expect(byText("посилку передано кур'єру").replyTo).toEqual({
      externalId: "mid.0a1b2c3d4e5f60718293a4b5c6d7e810",
      authorName: "Ганна Шевченко",
      text: "Коли приїде моє замовлення №48213? Ось фото накладної.",
    });
    expect(byText("у вихідні").replyTo?.authorName).toBe("Поддержка магазина");
  });

  it("shows a forward's content with its author, and does not call it a reply", () => {
    const forward = byText("відправлено зі складу");
    expect(forward.replyTo).toBeNull();
    expect(forward.text).toBe("↪ Сергей Попов: Замовлення 48213 відправлено зі складу в Києві.");
    expect(forward.authorName).toBe("Ганна Шевченко");
  });

  it("shows every attachment kind MAX has, with the details a user sees", () => {
    const kinds = new Set(messages.flatMap((message) => message.attachments.map((attachment) => attachment.kind)));
    expect(kinds).toEqual(new Set(["image", "video", "audio", "file", "sticker", "contact", "share", "location"]));
    expect(withAttachment("image").attachments[0]).toMatchObject({ url: "https://i.oneme.ru/i?r=BTE2sIpQ8812004455" });
    expect(withAttachment("file").attachments[0]).toMatchObject({ fileName: "invoice-2026-10.pdf", size: 48213 });
    expect(withAttachment("video").attachments[0]).toMatchObject({ width: 1280, height: 720, durationSec: 14 });
    expect(withAttachment("audio").attachments[0]?.title).toContain("pickup point");
    expect(withAttachment("sticker").attachments[0]).toMatchObject({ title: "4815162342", width: 512 });
    expect(withAttachment("contact").attachments[0]).toMatchObject({
      contactName: "Olivia Brown",
      contactPhone: "+447700900123",
    });
    expect(withAttachment("share").attachments[0]).toMatchObject({
      url: "https://example.com/track/48213",
      title: "Відстеження посилки 48213",
    });
    const location = withAttachment("location");
    expect(location.text).toBeNull();
    expect(location.attachments[0]).toMatchObject({ latitude: 51.507351, longitude: -0.127758 });
  });

  it("keeps an inline keyboard out of the attachments but in the raw message", () => {
    const welcome = byText("Вітаємо в чаті");
    expect(welcome.attachments).toEqual([]);
    expect(JSON.stringify(welcome.raw)).toContain("inline_keyboard");
  });

  it("keeps timestamps in milliseconds and the raw message untouched", () => {
    const [newest] = messages;
    expect(newest?.createdAt).toEqual(new Date(1795165200000));
    expect(newest?.raw).toEqual(messagesPage.messages[0]);
  });

  it("maps attachment types outside providers.md as 'other', reply keyboards not at all, and refuses a broken image", () => {
    expect(mapAttachment(attachmentSchema.parse({ type: "poll", payload: { question: "?" } }))?.kind).toBe("other");
    expect(mapAttachment(attachmentSchema.parse({ type: "reply_keyboard", buttons: [] }))).toBeNull();
    // A known type missing what it usually has is still shown, without the missing part.
    expect(mapAttachment(attachmentSchema.parse({ type: "image", payload: {} }))).toMatchObject({
      kind: "image",
      url: null,
    });
  });
});

describe("MAX members", () => {
  it("lists the chat's members with names, usernames and the bot marked", () => {
    const participants = membersPage.members.map((member) => mapParticipant(chatMemberSchema.parse(member)));
    expect(participants.map((participant) => participant.name)).toEqual([
      "Ганна Шевченко",
      "Поддержка магазина",
      "James Taylor",
      "Ірина Мельник",
    ]);
    expect(
      participants.filter((participant) => participant.isBot).map((participant) => participant.externalId),
    ).toEqual(["590001"]);
    expect(participants[0]).toMatchObject({
      username: "ganna_shev",
      isActive: true,
      joinedAt: new Date(1790000000000),
    });
    expect(participants[2]?.username).toBeNull();
  });
});

describe("MAX updates", () => {
  const updates = updatesPage.updates.map((update) => mapUpdate(updateSchema.parse(update), BOT_ID));

  it("turns new and edited messages into upserts, an edit carrying its time and new text", () => {
    const [, created, edited] = updates;
    expect(created).toMatchObject({ type: "message_upserted", chatExternalId: "91827364" });
    expect(created?.type === "message_upserted" && created.message.direction).toBe("inbound");
    expect(created?.type === "message_upserted" && created.message.editedAt).toBeNull();
    expect(edited?.type === "message_upserted" && edited.message.editedAt).toEqual(new Date(1795149120000));
    expect(edited?.type === "message_upserted" && edited.message.text).toContain("Visa");
  });

  it("turns a removal into message_removed with its chat and time", () => {
    expect(updates[7]).toEqual({
      type: "message_removed",
      chatExternalId: GROUP_ID,
      messageExternalId: "mid.0a1b2c3d4e5f60718293a4b5c6d7e7aa",
      at: new Date(1795149600000),
    });
  });

  it("turns membership, start and title events into chat_changed for the right chat", () => {
    expect(updates[0]).toEqual({ type: "chat_changed", chatExternalId: "91827364" });
    expect(updates.slice(3, 7)).toEqual(Array(4).fill({ type: "chat_changed", chatExternalId: GROUP_ID }));
    expect(updates[8]).toEqual({ type: "chat_changed", chatExternalId: "-70455500011122" });
  });

  it("ignores the update types the inbox does not act on (button callbacks, mutes)", () => {
    expect(updates.slice(9)).toEqual([null, null]);
  });
});
