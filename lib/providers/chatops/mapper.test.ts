/**
 * The mapper on the seed's own samples (fixtures/, verbatim; see fixtures/README.md).
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 */
import { describe, expect, it } from "vitest";
import chatDetail from "@/lib/providers/chatops/fixtures/chat-detail.json";
import chatList from "@/lib/providers/chatops/fixtures/chat-list.json";
import { mapChat, mapMessage, mapParticipants, sentMessage } from "@/lib/providers/chatops/mapper";
import { parseChatOpsTimestamp } from "@/lib/providers/chatops/time";
import { type ChatOpsChat, chatPageSchema, chatSchema, messageSchema } from "@/lib/providers/chatops/wire";

const detail = chatSchema.parse(chatDetail);
const list = chatPageSchema.parse(chatList);

function withChanges(changes: Partial<ChatOpsChat>): ChatOpsChat {
  return chatSchema.parse({ ...structuredClone(chatDetail), ...changes });
}

describe("chats", () => {
  it("maps the seed's chat detail as an open group with its current title", () => {
    const chat = mapChat(detail);
    expect(chat).toMatchObject({
      externalId: "9a983789-1709-4543-aa31-a02867680017",
      kind: "group",
      title: "Chat día 11 XXII",
      status: "open",
      participantsCount: 2,
      publicLink: null,
      providerUnreadCount: null,
    });
    expect(chat.createdAt?.toISOString()).toBe("2024-12-11T08:54:03.000Z");
    expect(chat.raw).toEqual(chatDetail);
  });

  it("maps both records of the seed's list, reading a registeredAt without zone as UTC", () => {
    const chats = list.records.map((record) => mapChat(chatSchema.parse(record)));
    expect(chats.map((chat) => chat.title)).toEqual(["Chat día 11 XXII", "Chat día 11 XXI"]);
    expect(chats.map((chat) => chat.createdAt?.toISOString())).toEqual([
      "2024-12-11T08:54:03.000Z",
      "2024-12-11T07:56:03.000Z",
    ]);
    // The list and the detail describe the same chat at the same instant.
    expect(chats[0]?.createdAt).toEqual(mapChat(detail).createdAt);
    expect(chats[0]?.raw).toEqual(chatList.records[0]);
    expect(list._metadata).toEqual({ currentPage: 0, totalPages: 42, pageSize: 20, totalRecords: 831 });
  });

  it("shows the newest title of a renamed chat, whatever the order of the history", () => {
    const renamed = withChanges({
      title: [
        { value: "Новый чат", contentType: "text/plain", capturedAt: "2024-12-11T08:54:21.898Z" },
        { value: "Заказ №48213 — Анна Иванова", contentType: "text/plain", capturedAt: "2024-12-12T10:00:00.000Z" },
        { value: "Заказ 48213", contentType: "text/plain", capturedAt: "2024-12-11T09:30:00.000Z" },
      ],
    });
    expect(mapChat(renamed).title).toBe("Заказ №48213 — Анна Иванова");
  });

  it("shows an inactive chat as closed and a chat without titles by its id", () => {
    const chat = mapChat(withChanges({ isActive: false, title: [] }));
    expect(chat.status).toBe("closed");
    expect(chat.title).toBe("9a983789-1709-4543-aa31-a02867680017");
  });
});

describe("participants", () => {
  it("maps the seed's bot and agent with who invited whom", () => {
    const [bot, agent] = mapParticipants(detail).items;
    expect(bot).toMatchObject({
      externalId: "5a9b042b-36ca-4aab-ba50-7ceda030d33f",
      name: "Flood_wait_bot",
      username: "Flood_wait_bot",
      isBot: true,
      isActive: true,
      invitedBy: "ba2cc0a8-841c-49d3-9c30-418e955f06ff",
    });
    expect(bot?.joinedAt?.toISOString()).toBe("2024-12-11T08:54:12.000Z");
    expect(agent).toMatchObject({ name: null, username: "JorgeOiz", isBot: false, isActive: true, invitedBy: null });
    expect(agent?.raw).toEqual(chatDetail.participants[1]);
  });

  it("takes a member's state from their latest participation: left, or came back", () => {
    const chat = withChanges({
      participants: [
        {
          id: "left",
          userProperties: { firstname: "Оксана", username: "oksana_tkachenko" },
          participations: [
            { isActive: true, joinedAt: "2024-12-01T10:00:00.000Z" },
            { isActive: false, joinedAt: "2024-12-05T10:00:00.000Z" },
          ],
        },
        {
          id: "returned",
          userProperties: { firstname: "Дмитрий", lastname: "Попов", username: "dmitry_popov" },
          participations: [
            { isActive: true, joinedAt: "2024-12-09T10:00:00.000Z", invitedBy: "agent" },
            { isActive: false, joinedAt: "2024-12-02T10:00:00.000Z" },
          ],
        },
      ],
    });
    const [left, returned] = mapParticipants(chat).items;
    expect(left?.isActive).toBe(false);
    expect(returned).toMatchObject({ name: "Дмитрий Попов", isActive: true, invitedBy: "agent" });
    expect(returned?.joinedAt?.toISOString()).toBe("2024-12-09T10:00:00.000Z");
    expect(mapChat(chat).participantsCount).toBe(1);
  });
});

describe("messages", () => {
  // The documents give no message sample; this one follows the field list of providers.md §4.
  const edited = messageSchema.parse({
    id: "0b7c4e61-2f0e-4d55-9a3b-6f2d41c1a9e0",
    writtenBy: "4279566b-ee1b-49ed-bda7-046bd68c11d1",
    writtenAt: "2024-12-11T09:00:00.000Z",
    deleted: false,
    content: [
      {
        value: { text: "Ваш заказ передан в доставку", entities: [] },
        contentType: "text/plain",
        capturedAt: "2024-12-11T09:00:00.000Z",
      },
      {
        value: { text: "Ваш заказ №48213 передан в доставку", entities: [{ offset: 5, length: 6, type: "bold" }] },
        contentType: "text/plain",
        capturedAt: "2024-12-11T09:02:30.000Z",
      },
    ],
  });

  it("shows the latest version of an edited message and when it was edited", () => {
    const message = mapMessage(edited, { chatExternalId: detail.id, direction: "outbound" });
    expect(message).toMatchObject({
      externalId: "0b7c4e61-2f0e-4d55-9a3b-6f2d41c1a9e0",
      chatExternalId: detail.id,
      direction: "outbound",
      authorExternalId: "4279566b-ee1b-49ed-bda7-046bd68c11d1",
      text: "Ваш заказ №48213 передан в доставку",
      deletedAt: null,
      deliveryState: "sent",
      reactions: [],
      attachments: [],
      replyTo: null,
    });
    expect(message.createdAt.toISOString()).toBe("2024-12-11T09:00:00.000Z");
    expect(message.editedAt?.toISOString()).toBe("2024-12-11T09:02:30.000Z");
    expect(message.raw).toEqual(edited);
  });

  it("marks a deleted message deleted and an unedited one unedited", () => {
    const [first] = edited.content ?? [];
    const deleted = messageSchema.parse({ ...edited, id: 42, deleted: true, content: [first] });
    const message = mapMessage(deleted, { chatExternalId: detail.id, direction: "inbound" });
    expect(message.externalId).toBe("42");
    expect(message.editedAt).toBeNull();
    expect(message.deletedAt?.toISOString()).toBe("2024-12-11T09:00:00.000Z");
    expect(message.deliveryState).toBeNull();
  });

  it("describes a posted message that could not be read back from what we sent", () => {
    const postedAt = new Date("2024-12-11T09:00:00.000Z");
    const message = sentMessage({ id: "m-1", chatExternalId: detail.id, text: "Добрий день!", postedAt });
    expect(message).toMatchObject({
      externalId: "m-1",
      text: "Добрий день!",
      direction: "outbound",
      createdAt: postedAt,
    });
  });
});

describe("timestamps", () => {
  it("reads the seed's two forms of the same instant alike, and honours explicit zones", () => {
    const utc = "2024-12-11T08:54:03.000Z";
    expect(parseChatOpsTimestamp("2024-12-11T08:54:03")?.toISOString()).toBe(utc);
    expect(parseChatOpsTimestamp(utc)?.toISOString()).toBe(utc);
    expect(parseChatOpsTimestamp("2024-12-11T11:54:03+03:00")?.toISOString()).toBe(utc);
    expect(parseChatOpsTimestamp("2024-12-11T11:54:03+0300")?.toISOString()).toBe(utc);
    expect(parseChatOpsTimestamp("2024-12-11T08:54:03.123456Z")?.toISOString()).toBe("2024-12-11T08:54:03.123Z");
    expect(parseChatOpsTimestamp("11.12.2024 08:54")).toBeNull();
    expect(parseChatOpsTimestamp("2024-13-45T08:54:03")).toBeNull();
  });
});
