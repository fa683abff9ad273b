import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readThread } from "@/lib/messages/read-thread";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let connectionId: string;

async function chat(title: string, connection = connectionId) {
  return database.prisma.chat.create({
    data: { connectionId: connection, externalId: randomUUID(), title, hasOlderMessages: false },
  });
}

async function message(chatId: number, text: string, minute: number) {
  return database.prisma.message.create({
    data: {
      chatId,
      externalId: randomUUID(),
      direction: "inbound",
      text,
      createdAt: new Date(Date.UTC(2026, 11, 4, 10, minute)),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ id: connectionId } = await database.prisma.connection.create({
    data: { slug: "test:thread", kind: "max", displayName: "Test", baseUrl: "http://127.0.0.1:9" },
  }));
});

afterAll(async () => {
  await database.drop();
});

describe("a page of a thread", () => {
  it("has each message's reactions (grouped by emoji, with names) and attachments (in their order), oldest message first", async () => {
    const thread = await chat("Parts");
    const first = await message(thread.id, "Here is the photo", 1);
    const second = await message(thread.id, "and the invoice", 2);
    await database.prisma.reaction.createMany({
      data: [
        { messageId: first.id, emoji: "👍", authorName: "Ann" },
        { messageId: first.id, emoji: "❤️", authorName: null },
        { messageId: first.id, emoji: "👍", authorName: "Bob" },
      ],
    });
    await database.prisma.attachment.createMany({
      data: [
        { messageId: second.id, position: 1, kind: "file", fileName: "invoice.pdf", size: 5_000_000_000n },
        { messageId: second.id, position: 0, kind: "location", latitude: 55.75, longitude: 37.62, title: "Office" },
        { messageId: first.id, position: 0, kind: "image", url: "https://cdn.example/p.jpg", width: 800, height: 600 },
      ],
    });

    const page = await readThread(database.prisma, thread.id, { limit: 50 });
    expect(page.olderUnavailable).toBe(false);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((item) => item.text)).toEqual(["Here is the photo", "and the invoice"]);
    expect(page.items[0]?.createdAt).toBe("2026-12-04T10:01:00.000Z");
    expect(page.items[0]?.reactions).toEqual([
      { emoji: "👍", count: 2, authors: ["Ann", "Bob"] },
      { emoji: "❤️", count: 1, authors: [] },
    ]);
    expect(page.items[0]?.attachments).toMatchObject([
      { kind: "image", url: "https://cdn.example/p.jpg", width: 800, height: 600 },
    ]);
    expect(page.items[1]?.reactions).toEqual([]);
    expect(page.items[1]?.attachments).toMatchObject([
      { kind: "location", latitude: 55.75, longitude: 37.62, title: "Office", fileName: null },
      { kind: "file", fileName: "invoice.pdf", size: 5_000_000_000 },
    ]);
  });

  it("pages back with the cursor until the oldest message", async () => {
    const thread = await chat("Long");
    for (let minute = 0; minute < 5; minute++) await message(thread.id, `#${minute}`, minute);
    const newest = await readThread(database.prisma, thread.id, { limit: 3 });
    expect(newest.items.map((item) => item.text)).toEqual(["#2", "#3", "#4"]);
    const older = await readThread(database.prisma, thread.id, { limit: 3, before: newest.nextCursor ?? "" });
    expect(older.items.map((item) => item.text)).toEqual(["#0", "#1"]);
    expect(older.nextCursor).toBeNull();
  });

  it("of a visible chat with no messages is empty; of an unknown chat or a switched-off connection's, not found", async () => {
    const empty = await chat("Empty");
    expect(await readThread(database.prisma, empty.id, { limit: 50 })).toEqual({
      items: [],
      nextCursor: null,
      olderUnavailable: false,
    });
    await expect(readThread(database.prisma, 999_999, { limit: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const off = await database.prisma.connection.create({
      data: { slug: "test:off", kind: "max", displayName: "Off", baseUrl: "http://127.0.0.1:9", enabled: false },
    });
    const hidden = await chat("Hidden", off.id);
    await message(hidden.id, "secret", 1);
    await expect(readThread(database.prisma, hidden.id, { limit: 50 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
