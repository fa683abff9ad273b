/**
 * Mapper tests on the seed's samples verbatim (fixtures/, from docs/providers/seeds/000_62f7899ae3925019.txt)
 * and on variants of them for what the samples do not show (docs/providers/tgbridge.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mapActiveChat, mapChatData, mapChatDto, mapMessages } from "@/lib/providers/tgbridge/mapper";
import {
  type MessageStructDto,
  readChatData,
  ZActiveChat,
  ZChatData,
  ZChatDto,
  ZChats,
  ZMessageStructDto,
} from "@/lib/providers/tgbridge/schemas";
import { parseDataContractXml } from "@/lib/providers/tgbridge/xml";
import type { NormalizedMessage } from "@/lib/providers/types";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const SAMPLE_JSON = fixture("get-active-chat-by-phone.json");
const SAMPLE_XML = fixture("get-active-chat-by-phone.xml");
const LOOKUP = { phone: "sample string 8", name: "sample key", source: 0 };

const fromJson = (text: string) => ZActiveChat.parse(JSON.parse(text));
const fromXml = (text: string) => ZActiveChat.parse(parseDataContractXml(text));

/** The sample's first message, with changes. */
function sampleMessage(changes: Partial<Record<keyof MessageStructDto, unknown>> = {}): MessageStructDto {
  const active = JSON.parse(SAMPLE_JSON) as { Messages: Record<string, unknown>[] };
  return ZMessageStructDto.parse({ ...active.Messages[0], ...changes });
}

const withoutRaw = (messages: NormalizedMessage[]) => messages.map(({ raw: _raw, ...rest }) => rest);

describe("GetActiveChatByPhone sample (JSON)", () => {
  const result = mapActiveChat(fromJson(SAMPLE_JSON), LOOKUP);

  it("is the active chat 1 of the phone, closed by its latest CloseChatMode event", () => {
    expect(result?.chat).toMatchObject({
      externalId: "1",
      kind: "dialog",
      status: "closed",
      phone: "sample string 8",
      // No customer message in the sample: the name the lookup asked for.
      title: "sample key",
      providerUnreadCount: null,
    });
  });

  it("shows the two records with Id 2 as one chat-closed event, not as bubbles", () => {
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({
      externalId: "2",
      chatExternalId: "1",
      direction: "system",
      systemEvent: "chat_closed",
      authorName: "sample string 7",
      authorExternalId: "1",
      text: "sample string 6",
      createdAt: new Date("2026-02-04T02:09:21.756Z"),
      editedAt: null,
    });
    expect(result?.messages[0]?.raw).toHaveLength(2);
  });

  it("keeps the reply quote, the reactions and the attachment file names", () => {
    const message = result?.messages[0];
    expect(message?.replyTo).toEqual({ externalId: "11", authorName: "sample string 2", text: "sample string 3" });
    expect(message?.reactions).toEqual([
      { emoji: "sample string 2", authorExternalId: "1", authorName: null },
      { emoji: "sample string 2", authorExternalId: "1", authorName: null },
    ]);
    expect(message?.attachments.map((attachment) => [attachment.kind, attachment.fileName, attachment.url])).toEqual([
      ["file", "sample string 1", null],
      ["file", "sample string 2", null],
    ]);
  });
});

describe("GetActiveChatByPhone sample (XML)", () => {
  it("reads enums by name and gives exactly what the JSON sample gives", () => {
    const json = mapActiveChat(fromJson(SAMPLE_JSON), LOOKUP);
    const xml = mapActiveChat(fromXml(SAMPLE_XML), LOOKUP);
    expect(xml?.chat).toEqual({ ...json?.chat, raw: xml?.chat.raw });
    expect(withoutRaw(xml?.messages ?? [])).toEqual(withoutRaw(json?.messages ?? []));
  });

  it("keeps the XML values untouched in raw", () => {
    const xml = mapActiveChat(fromXml(SAMPLE_XML), LOOKUP);
    expect(xml?.messages[0]?.raw).toContainEqual(
      expect.objectContaining({ MessageType: "CloseChatMode", Source: "TGBot", State: "Message", Id: "2" }),
    );
  });

  it("reads other MessageType names: OpenChatMode opens, Message is a bubble", () => {
    const opened = mapActiveChat(fromXml(SAMPLE_XML.replaceAll("CloseChatMode", "OpenChatMode")), LOOKUP);
    expect(opened?.chat.status).toBe("open");
    expect(opened?.messages[0]).toMatchObject({ direction: "system", systemEvent: "chat_opened" });

    const bubble = mapActiveChat(fromXml(SAMPLE_XML.replaceAll("CloseChatMode", "Message")), LOOKUP);
    expect(bubble?.messages[0]).toMatchObject({ direction: "outbound", systemEvent: null, text: "sample string 6" });
    expect(bubble?.chat.lastMessagePreview).toBe("sample string 6");
  });

  it("treats an EmployeeId of i:nil as the customer writing", () => {
    const xml = SAMPLE_XML.replaceAll("CloseChatMode", "Message").replaceAll(
      "<EmployeeId>1</EmployeeId>",
      '<EmployeeId i:nil="true" />',
    );
    const result = mapActiveChat(fromXml(xml), LOOKUP);
    expect(result?.messages[0]).toMatchObject({ direction: "inbound", authorExternalId: "4" });
    // A customer's name is the chat's title.
    expect(result?.chat.title).toBe("sample string 7");
  });
});

describe("message kinds", () => {
  it("numbers 0–6 in JSON: events, bubbles and updates", () => {
    const directions = [0, 1, 2, 3, 4].map(
      (type) => mapMessages("1", [sampleMessage({ MessageType: type, EmployeeId: null })])[0]?.direction,
    );
    expect(directions).toEqual(["system", "system", "inbound", "inbound", "inbound"]);
  });

  it("an unknown MessageType is a plain message that keeps its raw value", () => {
    for (const unknown of [42, "FancyNewType"]) {
      const [message] = mapMessages("1", [sampleMessage({ MessageType: unknown })]);
      expect(message).toMatchObject({ direction: "outbound", systemEvent: null, text: "sample string 6" });
      expect(message?.raw).toMatchObject({ MessageType: unknown });
    }
  });

  it("EmployeeId 0 is nobody: the customer wrote it", () => {
    const [message] = mapMessages("1", [sampleMessage({ MessageType: 2, EmployeeId: 0 })]);
    expect(message?.direction).toBe("inbound");
  });

  it("UpdateMessage edits and UpdateReaction replaces the reactions of the message with the same Id", () => {
    const original = sampleMessage({ MessageType: 2, Created: "2026-02-04T10:00:00+00:00", Reactions: [] });
    const edit = sampleMessage({ MessageType: 5, Created: "2026-02-04T10:05:00+00:00", Message: "fixed text" });
    const reaction = sampleMessage({
      MessageType: "UpdateReaction",
      Created: "2026-02-04T10:06:00+00:00",
      Reactions: [{ Employee: 3, Emoji: "👍" }],
    });
    const other = sampleMessage({ Id: 7, MessageType: 2, Created: "2026-02-04T10:01:00+00:00" });
    // Out of order on purpose: the bridge's order is not trusted, Created is.
    const messages = mapMessages("1", [reaction, edit, other, original]);
    expect(messages.map((message) => message.externalId)).toEqual(["2", "7"]);
    expect(messages[0]).toMatchObject({
      text: "fixed text",
      createdAt: new Date("2026-02-04T10:00:00Z"),
      editedAt: new Date("2026-02-04T10:05:00Z"),
      reactions: [{ emoji: "👍", authorExternalId: "3", authorName: null }],
    });
    expect(messages[0]?.raw).toEqual([original, edit, reaction]);
  });

  it("an update whose message is not in the list stands for that message, marked edited", () => {
    const [message] = mapMessages("1", [sampleMessage({ MessageType: 5, Message: "new words" })]);
    expect(message).toMatchObject({ externalId: "2", text: "new words", direction: "outbound" });
    expect(message?.editedAt).toEqual(message?.createdAt);
  });

  it("quotes by ReplyId, by Reply.Id, or not at all", () => {
    const byReplyId = mapMessages("1", [sampleMessage({ Reply: null })])[0];
    expect(byReplyId?.replyTo).toEqual({ externalId: "11", authorName: null, text: null });
    const byReply = mapMessages("1", [sampleMessage({ ReplyId: null })])[0];
    expect(byReply?.replyTo).toEqual({ externalId: "1", authorName: "sample string 2", text: "sample string 3" });
    const none = mapMessages("1", [sampleMessage({ ReplyId: 0, Reply: null })])[0];
    expect(none?.replyTo).toBeNull();
  });

  it("guesses each attachment's kind from its extension; an http URL is its own link", () => {
    const [message] = mapMessages("1", [
      sampleMessage({
        Attachments: [
          "photo.JPG",
          "voice_1.ogg",
          "clip.mp4",
          "song.mp3",
          "invoice.pdf",
          "funny.gif",
          "hi.tgs",
          "no-extension",
          "https://files.example.com/a/receipt%201.png",
          " ",
        ],
      }),
    ]);
    expect(
      message?.attachments.map((attachment) => [attachment.kind, attachment.fileName, attachment.mimeType]),
    ).toEqual([
      ["image", "photo.JPG", "image/jpeg"],
      ["voice", "voice_1.ogg", "audio/ogg"],
      ["video", "clip.mp4", "video/mp4"],
      ["audio", "song.mp3", "audio/mpeg"],
      ["file", "invoice.pdf", "application/pdf"],
      ["animation", "funny.gif", "image/gif"],
      ["sticker", "hi.tgs", "application/x-tgsticker"],
      ["file", "no-extension", null],
      ["image", "receipt 1.png", "image/png"],
    ]);
    expect(message?.attachments.map((attachment) => attachment.url)).toEqual([
      ...Array(8).fill(null),
      "https://files.example.com/a/receipt%201.png",
    ]);
  });

  it("reads a date without an offset as UTC, and the old /Date()/ form", () => {
    const [plain] = mapMessages("1", [sampleMessage({ Created: "2026-02-04T02:09:21.5" })]);
    expect(plain?.createdAt.toISOString()).toBe("2026-02-04T02:09:21.500Z");
    const [ajax] = mapMessages("1", [sampleMessage({ Created: "/Date(1770170961000+0300)/" })]);
    expect(ajax?.createdAt.toISOString()).toBe("2026-02-04T02:09:21.000Z");
  });

  it("refuses a message without a readable date", () => {
    expect(ZMessageStructDto.safeParse({ ...sampleMessage(), Created: "yesterday" }).success).toBe(false);
  });
});

describe("ChatDto (GetChats)", () => {
  const dto = {
    Id: 17,
    Created: "2026-03-01T08:00:00.1234567+00:00",
    Name: "Оксана Шевченко",
    Phone: "+380501234567",
    ChatId: 555000111,
    ChannelId: 2,
    CloseDate: null,
    State: 0,
    LastMessage: "2026-03-02T09:30:00+00:00",
    LastEmployee: 3,
    Area: 1,
    Classification: null,
    Source: 0,
    SomethingNew: true,
  };

  it("maps an open chat with its last activity", () => {
    const [parsed] = ZChats.parse([dto]).map((raw) => ZChatDto.parse(raw));
    expect(parsed && mapChatDto(parsed)).toMatchObject({
      externalId: "17",
      title: "Оксана Шевченко",
      status: "open",
      providerStatus: "Message",
      phone: "+380501234567",
      lastMessageAt: new Date("2026-03-02T09:30:00Z"),
      lastMessagePreview: null,
      createdAt: new Date("2026-03-01T08:00:00.123Z"),
      raw: dto,
    });
  });

  it("is closed when CloseDate is set, and keeps an unknown State raw", () => {
    const [parsed] = [ZChatDto.parse({ ...dto, CloseDate: "2026-03-03T00:00:00+00:00", State: 3 })];
    expect(parsed && mapChatDto(parsed)).toMatchObject({ status: "closed", providerStatus: "3" });
  });

  it("reads LastMessage as a text or as a message when it is not a date, and falls back to the phone for a title", () => {
    const [asText, asMessage] = [
      { ...dto, Name: " ", LastMessage: "Где мой заказ?" },
      { ...dto, LastMessage: { Message: "Дякую!", Created: "2026-03-04T00:00:00Z" } },
    ].map((raw) => ZChatDto.parse(raw));
    expect(asText && mapChatDto(asText)).toMatchObject({
      title: "+380501234567",
      lastMessagePreview: "Где мой заказ?",
      lastMessageAt: null,
    });
    expect(asMessage && mapChatDto(asMessage)).toMatchObject({
      lastMessagePreview: "Дякую!",
      lastMessageAt: new Date("2026-03-04T00:00:00Z"),
    });
  });

  it("reads the same chats from ArrayOfChatDto XML", () => {
    const xml = `<ArrayOfChatDto xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Data.Repositories.Telegram">
<ChatDto>
<Area>1</Area>
<ChannelId>2</ChannelId>
<ChatId>555000111</ChatId>
<Classification i:nil="true" />
<CloseDate>2026-03-03T00:00:00+00:00</CloseDate>
<Created>2026-03-01T08:00:00.1234567+00:00</Created>
<Id>17</Id>
<LastEmployee>3</LastEmployee>
<LastMessage>2026-03-02T09:30:00+00:00</LastMessage>
<Name>Оксана Шевченко</Name>
<Phone>+380501234567</Phone>
<Source>TGBot</Source>
<State>Message</State>
</ChatDto>
</ArrayOfChatDto>`;
    const [parsed] = ZChats.parse(parseDataContractXml(xml)).map((raw) => ZChatDto.parse(raw));
    expect(parsed && mapChatDto(parsed)).toMatchObject({
      externalId: "17",
      status: "closed",
      providerStatus: "Message",
      lastMessageAt: new Date("2026-03-02T09:30:00Z"),
    });
  });
});

describe("GetChatData", () => {
  const opened = sampleMessage({ Id: 20, MessageType: 1, EmployeeId: null, Created: "2026-03-01T08:00:00+00:00" });
  const question = sampleMessage({
    Id: 21,
    MessageType: 2,
    EmployeeId: null,
    Message: "Привіт",
    Created: "2026-03-01T08:01:00+00:00",
  });

  it("takes the chat from chatInfo (camelCase keys) and the newest message from the messages", () => {
    const data = readChatData(
      ZChatData.parse({
        messages: [opened, question],
        copilotMessages: ["Вітаю!"],
        chatInfo: { Id: 5, Name: "Ірина", Phone: "+380671112233", CloseDate: null, Created: "2026-03-01T08:00:00Z" },
      }),
    );
    const { chat, messages } = mapChatData("5", data);
    expect(chat).toMatchObject({
      externalId: "5",
      title: "Ірина",
      status: "open",
      lastMessageAt: new Date("2026-03-01T08:01:00Z"),
      lastMessagePreview: "Привіт",
    });
    expect(messages.map((message) => [message.externalId, message.chatExternalId, message.direction])).toEqual([
      ["20", "5", "system"],
      ["21", "5", "inbound"],
    ]);
  });

  it("without chatInfo (and with PascalCase keys) builds the chat from its messages", () => {
    const data = readChatData(ZChatData.parse({ Messages: [opened, question], ChatInfo: null }));
    expect(mapChatData("5", data).chat).toMatchObject({
      title: "sample string 7",
      phone: "sample string 8",
      createdAt: new Date("2026-03-01T08:00:00Z"),
      status: "open",
    });
  });
});

describe("no active chat", () => {
  it("null, or Id 0 without messages, is no chat", () => {
    expect(mapActiveChat(ZActiveChat.parse(null), LOOKUP)).toBeNull();
    expect(
      mapActiveChat(
        ZActiveChat.parse(
          parseDataContractXml('<ActiveChat i:nil="true" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" />'),
        ),
        LOOKUP,
      ),
    ).toBeNull();
    expect(mapActiveChat(ZActiveChat.parse({ Id: 0, Messages: [] }), LOOKUP)).toBeNull();
  });
});
