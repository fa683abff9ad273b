/**
 * Chat operations shapes the documents leave open (docs/providers/README.md rules 1–6: only an
 * item's id required, nulls, unknown words, extra fields) and random mutations of the seed's
 * samples: every chat maps or is skipped, nothing escapes it, and a bad chat never hides the
 * good ones around it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import chatDetail from "@/lib/providers/chatops/fixtures/chat-detail.json";
import chatList from "@/lib/providers/chatops/fixtures/chat-list.json";
import { mapChat, mapMessage, mapParticipants } from "@/lib/providers/chatops/mapper";
import { chatPageSchema, chatSchema, messageSchema } from "@/lib/providers/chatops/wire";
import { eachItem } from "@/lib/providers/items";
import { mutate } from "@/lib/providers/testing/mutate";

const readChats = (raws: unknown[]) => eachItem("records", chatSchema, raws, mapChat);
const readMessages = (raws: unknown[]) =>
  eachItem("messages", messageSchema, raws, (message) =>
    mapMessage(message, { chatExternalId: "c", direction: "inbound" }),
  );
const [firstListed, secondListed] = chatPageSchema.parse(chatList).records;

/** A message as docs/providers/chatops.md lists its fields (no sample exists). */
const messageSample = {
  id: "0b7c4e61-2f0e-4d55-9a3b-6f2d41c1a9e0",
  writtenBy: "4279566b-ee1b-49ed-bda7-046bd68c11d1",
  writtenAt: "2024-12-11T09:00:00.000Z",
  deleted: false,
  content: [
    {
      value: { text: "Your order is on its way", entities: [{ offset: 5, length: 5, type: "bold" }] },
      contentType: "text/plain",
      capturedAt: "2024-12-11T09:00:00.000Z",
    },
  ],
};

describe("Chat operations: only an item's id is required", () => {
  it("reads a chat with isActive, registeredAt, title and participants missing or null", () => {
    const bare = { id: chatDetail.id };
    const nulls = { id: chatDetail.id, isActive: null, registeredAt: null, title: null, participants: null };
    const { items, skipped } = readChats([bare, nulls]);
    expect(skipped).toEqual([]);
    for (const chat of items) {
      expect(chat).toMatchObject({ externalId: chatDetail.id, title: chatDetail.id, status: "open", createdAt: null });
    }
  });

  it("leaves out unreadable title, participant and participation entries and keeps the chat", () => {
    const [participant] = chatDetail.participants;
    const chat = chatSchema.parse({
      ...chatDetail,
      service: "whatsapp",
      title: [null, { value: 5 }, ...chatDetail.title, { value: "   " }],
      participants: [{ userProperties: {} }, { ...participant, userProperties: null, participations: [null, "x"] }],
      registeredAt: "yesterday",
      somethingNew: [1],
    });
    expect(mapChat(chat)).toMatchObject({ title: chatDetail.title[0]?.value, createdAt: null, raw: chat });
    expect(mapParticipants(chat)).toEqual({
      items: [expect.objectContaining({ externalId: participant?.id, name: null, isActive: false, joinedAt: null })],
      // The participant without an id is left out and reported, so the refresh counts it on the connection.
      skipped: [{ providerId: null, path: "participants[0].id", reason: expect.any(String) }],
    });
  });

  it("reads a message with deleted, content or its versions' fields missing, and unknown entity types", () => {
    const odd = [
      { id: 1, writtenAt: messageSample.writtenAt },
      { ...messageSample, id: 2, deleted: null, content: [null, { value: null }, { capturedAt: "bad" }] },
      { ...messageSample, id: 3, content: [{ ...messageSample.content[0], contentType: "image/webp", extra: true }] },
    ];
    const { items, skipped } = readMessages(odd);
    expect(skipped).toEqual([]);
    expect(items.map((message) => message.text)).toEqual([null, null, "Your order is on its way"]);
  });

  it("skips a bad chat in the middle of a page, naming it, and keeps the others", () => {
    const { items, skipped } = readChats([firstListed, { title: [] }, secondListed]);
    expect(items).toHaveLength(2);
    expect(skipped).toEqual([{ providerId: null, path: "records[1].id", reason: expect.any(String) }]);
  });
});

describe("Chat operations mappers under random mutations of the samples", () => {
  it("never let a throw escape an item, and account for every item", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (choices) => {
        const chats = [...(chatList.records as unknown[]), chatDetail].map((chat) => mutate(chat, choices));
        const read = eachItem("records", chatSchema, chats, (chat) => ({
          chat: mapChat(chat),
          members: mapParticipants(chat),
        }));
        expect(read.items.length + read.skipped.length).toBe(chats.length);
        const messages = [mutate(messageSample, choices)];
        const readM = readMessages(messages);
        expect(readM.items.length + readM.skipped.length).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});
