/**
 * SmartSender shapes that real answers carry (docs/providers/smartsender.md, "Quirks": PHP's
 * `[]` for an empty object, `sender: null`, `unreadMessages: null`, a chat without `name`,
 * unknown words, extra fields) and random mutations of the seed's samples: every item maps
 * or is skipped, nothing escapes it, and a bad item never hides the good ones around it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eachItem } from "@/lib/providers/items";
import chatSample from "@/lib/providers/smartsender/fixtures/chat-2120.json";
import chatListSample from "@/lib/providers/smartsender/fixtures/chats-list.json";
import { mapChat, mapMessage } from "@/lib/providers/smartsender/mapper";
import { chatSchema, messageSchema } from "@/lib/providers/smartsender/wire";
import { mutate } from "@/lib/providers/testing/mutate";

const readChats = (raws: unknown[]) => eachItem("collection", chatSchema, raws, (chat) => mapChat(chat, "open"));
const readMessages = (raws: unknown[]) =>
  eachItem("collection", messageSchema, raws, (message) => mapMessage(message, "2120"));

/** A message as docs/providers/smartsender.md describes it. */
const messageSample = {
  id: 5501,
  createdAt: "2026-11-20 10:15:00",
  deliveredAt: "2026-11-20 10:15:01",
  seenAt: null,
  internal: false,
  sender: { type: "contact", fullName: "Oksana Melnyk", image: null },
  gate: { id: 3580, channel: { type: "telegram" } },
  content: { type: "text", resource: { parameters: { content: "Hello" } } },
};
const pictureSample = {
  ...messageSample,
  id: 5502,
  sender: { type: "operator", fullName: "Agent", image: null },
  content: { type: "picture", resource: { parameters: { url: "https://cdn.example/p.jpg", caption: "Look" } } },
};
const [firstChat, secondChat] = chatListSample.collection;

describe("SmartSender documented variants", () => {
  it("takes sender: null as a system entry, not as the customer or us", () => {
    const { items, skipped } = readMessages([{ ...messageSample, sender: null }]);
    expect(skipped).toEqual([]);
    expect(items[0]).toMatchObject({ direction: "system", authorName: null, text: "Hello" });
  });

  it("reads parameters: [] (PHP's empty object), {} and null alike", () => {
    const texts = [[], {}, null].map((parameters) => {
      const content = { type: "text", resource: { parameters } };
      const { items, skipped } = readMessages([{ ...messageSample, content }]);
      expect(skipped).toEqual([]);
      return items[0]?.text;
    });
    expect(texts).toEqual([null, null, null]);
  });

  it("counts unread with unreadMessages: null on a gate or the chat, and numbers sent as strings", () => {
    const gates = secondChat?.gates.map((gate, index) => ({ ...gate, unreadMessages: index === 0 ? null : "2" }));
    expect(gates?.length).toBeGreaterThan(1);
    const { items, skipped } = readChats([{ ...secondChat, gates, unreadMessages: null }]);
    expect(skipped).toEqual([]);
    expect(items[0]?.providerUnreadCount).toBe(2 * ((gates?.length ?? 1) - 1));
    const noCounts = readChats([{ ...firstChat, gates: [], unreadMessages: null }]).items[0];
    expect(noCounts?.providerUnreadCount).toBeNull();
  });

  it("names a chat without a name after its contact", () => {
    const { name: _name, ...nameless } = chatSample;
    const { items, skipped } = readChats([nameless, { ...chatSample, name: null }]);
    expect(skipped).toEqual([]);
    expect(items.map((chat) => chat.title)).toEqual([
      `Contact ${chatSample.contact.id}`,
      `Contact ${chatSample.contact.id}`,
    ]);
  });

  it("keeps unknown channel types, sender types and content types, and extra fields, in raw", () => {
    const chat = {
      ...chatSample,
      gates: chatSample.gates.map((gate) => ({ ...gate, channel: { ...gate.channel, type: "threads" } })),
      somethingNew: { nested: true },
    };
    const chats = readChats([chat]);
    expect(chats.skipped).toEqual([]);
    expect(chats.items[0]?.raw).toEqual(chat);
    const message = {
      ...messageSample,
      sender: { type: "assistant", fullName: "AI", image: null },
      content: { type: "sticker3d", resource: { parameters: { url: "https://cdn.example/s.webp" } } },
      reactions: [{ emoji: "👍" }],
    };
    const messages = readMessages([message]);
    expect(messages.skipped).toEqual([]);
    expect(messages.items[0]).toMatchObject({ direction: "outbound", raw: message });
    expect(messages.items[0]?.attachments[0]).toMatchObject({ kind: "other", url: "https://cdn.example/s.webp" });
  });

  it("skips a bad chat in the middle of a page, naming its path and id, and keeps the others", () => {
    const { items, skipped } = readChats([firstChat, { id: 9001, contact: null }, secondChat]);
    expect(items.map((chat) => chat.externalId)).toEqual([String(firstChat?.id), String(secondChat?.id)]);
    expect(skipped).toEqual([{ providerId: "9001", path: "collection[1].contact", reason: expect.any(String) }]);
  });

  it("skips a bad message in the middle of a page and keeps the others", () => {
    const bad = { ...messageSample, id: 7, createdAt: "yesterday" };
    const { items, skipped } = readMessages([messageSample, bad, pictureSample]);
    expect(items.map((message) => message.externalId)).toEqual(["5501", "5502"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ providerId: "7", path: "collection[1].createdAt" });
  });
});

describe("SmartSender mappers under random mutations of the samples", () => {
  it("never let a throw escape an item, and account for every item", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (choices) => {
        const chats = [...chatListSample.collection, chatSample].map((chat) => mutate(chat, choices));
        const messages = [messageSample, pictureSample].map((message) => mutate(message, choices));
        const readC = readChats(chats);
        const readM = readMessages(messages);
        expect(readC.items.length + readC.skipped.length).toBe(chats.length);
        expect(readM.items.length + readM.skipped.length).toBe(messages.length);
      }),
      { numRuns: 300 },
    );
  });
});
