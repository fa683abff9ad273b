/**
 * The bridge shapes the documents leave open (docs/providers/tgbridge.md: `chatInfo` undescribed,
 * enums as numbers or names, unknown values kept raw, XML strings for numbers, extra fields) and
 * random mutations of the seed's samples: every record maps or is skipped, nothing escapes it,
 * and a bad record never hides the good ones around it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eachItem } from "@/lib/providers/items";
import { mutate } from "@/lib/providers/testing/mutate";
import { mapActiveChat, mapChatData, mapChatDto } from "@/lib/providers/tgbridge/mapper";
import { readChatData, ZActiveChat, ZChatData, ZChatDto } from "@/lib/providers/tgbridge/schemas";
import { parseDataContractXml } from "@/lib/providers/tgbridge/xml";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
/** The seed's ActiveChat sample (JSON and XML), as the bridge's help page shows it. */
const activeJson = JSON.parse(fixture("get-active-chat-by-phone.json")) as { Id: number; Messages: unknown[] };
const activeXml = parseDataContractXml(fixture("get-active-chat-by-phone.xml")) as { Messages: unknown[] };
const [firstRecord, secondRecord] = activeJson.Messages as Record<string, unknown>[];
const LOOKUP = { phone: "sample string 8", name: "sample key", source: 0 };

/** A ChatDto with the fields the documents list (their types are not shown anywhere). */
const chatDto = {
  Id: 17,
  Created: "2026-03-01T08:00:00+00:00",
  Name: "Oksana",
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
};

const readChats = (raws: unknown[]) => eachItem("chats", ZChatDto, raws, mapChatDto);
const chatDataOf = (raw: unknown) => mapChatData("17", readChatData(ZChatData.parse(raw)));

describe("Telegram bridge: nothing required beyond the documents", () => {
  it("reads GetChatData whatever chatInfo holds: null, {}, a string, foreign fields, a partial ChatDto", () => {
    const messages = [firstRecord, secondRecord];
    for (const chatInfo of [null, {}, "", "x", [], { Foo: 1 }, { Created: "garbage", Name: 7 }, undefined]) {
      const { chat, messages: mapped } = chatDataOf({ messages, copilotMessages: null, chatInfo });
      expect(chat.externalId).toBe("17");
      expect(mapped.length).toBeGreaterThan(0);
    }
    const partial = chatDataOf({ messages, chatInfo: { Name: "Olena", Created: "bad date" } });
    expect(partial.chat.title).toBe("Olena");
  });

  it("accepts unknown MessageType, Source and State values, XML numbers as text, and extra fields", () => {
    const odd = { ...firstRecord, Id: "42", MessageType: 99, Source: "WhatsApp", State: "Archived", Extra: { a: 1 } };
    const data = readChatData(ZChatData.parse({ messages: [odd] }));
    expect(data.skipped).toEqual([]);
    expect(mapChatData("17", data).messages[0]).toMatchObject({ externalId: "42", raw: odd });
  });

  it("keeps null reactions and null attachment names out without failing the record", () => {
    const odd = { ...firstRecord, Reactions: [null, { Employee: 1, Emoji: "👍" }], Attachments: [null, "a.pdf"] };
    const data = readChatData(ZChatData.parse({ messages: [odd] }));
    const [message] = mapChatData("17", data).messages;
    expect(message?.reactions.map((reaction) => reaction.emoji)).toEqual(["👍"]);
    expect(message?.attachments).toHaveLength(1);
  });

  it("skips a bad message in the middle of GetChatData, naming it, and keeps the others", () => {
    const bad = { ...firstRecord, Id: 77, Created: "not a date" };
    const data = readChatData(ZChatData.parse({ messages: [firstRecord, bad, { ...secondRecord, Id: 3 }] }));
    expect(data.skipped).toEqual([{ providerId: "77", path: "messages[1].Created", reason: expect.any(String) }]);
    expect(data.received).toBe(3);
    expect(mapChatData("17", data).messages.map((message) => message.externalId)).toEqual(
      expect.arrayContaining(["2", "3"]),
    );
  });

  it("skips a bad chat in the middle of GetChats and keeps the others", () => {
    const { items, skipped } = readChats([chatDto, { Name: "no id" }, { ...chatDto, Id: "18" }]);
    expect(items.map((chat) => chat.externalId)).toEqual(["17", "18"]);
    expect(skipped).toEqual([{ providerId: null, path: "chats[1].Id", reason: expect.any(String) }]);
  });

  it("keeps an ActiveChat whose one record is unreadable, with the rest of its messages", () => {
    const active = ZActiveChat.parse({ Id: 5, Messages: [{ Id: "x" }, firstRecord] });
    expect(mapActiveChat(active, LOOKUP)?.messages).toHaveLength(1);
  });
});

describe("Telegram bridge mappers under random mutations of the samples", () => {
  it("never let a throw escape a record, and account for every record and chat", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (choices) => {
        const records = [...activeJson.Messages, ...activeXml.Messages].map((record) => mutate(record, choices));
        const data = readChatData(ZChatData.parse({ messages: records, chatInfo: mutate(chatDto, choices) }));
        expect(data.messages.length + data.skipped.length).toBe(records.length);
        expect(() => mapChatData("17", data)).not.toThrow();
        const chats = [chatDto, { ...chatDto, Id: 18 }].map((dto) => mutate(dto, choices));
        const read = readChats(chats);
        expect(read.items.length + read.skipped.length).toBe(chats.length);
      }),
      { numRuns: 300 },
    );
  });
});
