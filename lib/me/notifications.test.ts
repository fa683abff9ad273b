import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNotifications } from "@/lib/me/notifications";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let connectionId: string;
const ME = "agent-me";
const OTHER = "agent-other";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function chat(title: string, assigneeId: string | null = null, connection = connectionId) {
  return database.prisma.chat.create({
    data: { connectionId: connection, externalId: randomUUID(), title, assigneeId },
  });
}

async function message(
  chatId: number,
  direction: "inbound" | "outbound" | "note" | "system",
  text: string | null,
  options: { at?: Date; sentById?: string; deleted?: boolean } = {},
) {
  return database.prisma.message.create({
    data: {
      chatId,
      externalId: randomUUID(),
      direction,
      text,
      createdAt: options.at ?? new Date(),
      sentById: options.sentById,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
}

const cursorNow = async () => (await listNotifications(database.prisma, ME)).cursor;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.user.createMany({
    data: [
      { id: ME, name: "Me", email: "me@inbox.test" },
      { id: OTHER, name: "Olena", email: "olena@inbox.test" },
    ],
  });
  ({ id: connectionId } = await database.prisma.connection.create({
    data: { slug: "test:notify", kind: "smartsender", displayName: "Test", baseUrl: "http://127.0.0.1:9" },
  }));
});

afterAll(async () => {
  await database.drop();
});

describe("what notifies an agent", () => {
  it("without a cursor gives only the cursor, so nothing from before the page loaded pops up", async () => {
    const old = await chat("Before the page");
    await message(old.id, "inbound", "written before");
    const first = await listNotifications(database.prisma, ME);
    expect(first.items).toEqual([]);
    expect((await listNotifications(database.prisma, ME, first.cursor)).items).toEqual([]);
  });

  it("a customer's message in my chat, an unassigned chat, and a chat I answered; not in a teammate's chat I never answered", async () => {
    const after = await cursorNow();
    const mine = await chat("Assigned to me", ME);
    const nobodys = await chat("Unassigned");
    const answered = await chat("I answered", OTHER);
    await message(answered.id, "outbound", "Let me check", { sentById: ME, at: minutesAgo(3) });
    const theirs = await chat("Olena's", OTHER);
    await message(theirs.id, "outbound", "Olena here", { sentById: OTHER, at: minutesAgo(3) });

    const a = await message(mine.id, "inbound", "Where is my order?");
    const b = await message(nobodys.id, "inbound", null);
    const c = await message(answered.id, "inbound", "Thanks, any news?");
    await message(theirs.id, "inbound", "Olena, hello again");

    const page = await listNotifications(database.prisma, ME, after);
    expect(page.items).toEqual([
      { messageId: a.id, chatId: mine.id, chatTitle: "Assigned to me", text: "Where is my order?", reason: "assigned" },
      { messageId: b.id, chatId: nobodys.id, chatTitle: "Unassigned", text: null, reason: "unassigned" },
      { messageId: c.id, chatId: answered.id, chatTitle: "I answered", text: "Thanks, any news?", reason: "following" },
    ]);
    // The cursor moves past everything looked at: asking again gives nothing twice.
    expect((await listNotifications(database.prisma, ME, page.cursor)).items).toEqual([]);
    // Olena's own chat reaches her.
    expect((await listNotifications(database.prisma, OTHER, after)).items.map((item) => item.chatTitle)).toEqual([
      "Unassigned",
      "I answered",
      "Olena's",
    ]);
  });

  it("a note that mentions me, until I have seen it; never my teammates' replies, notes without me, system lines or deletions", async () => {
    const after = await cursorNow();
    const room = await chat("Team room", OTHER);
    const mention = await message(room.id, "note", "@Me can you take this?", { sentById: OTHER });
    await database.prisma.noteMention.create({ data: { messageId: mention.id, chatId: room.id, userId: ME } });
    await message(room.id, "note", "Just a note", { sentById: OTHER });
    await message(room.id, "outbound", "Olena replied", { sentById: OTHER });
    const open = await chat("Open to all");
    await message(open.id, "system", "Chat was closed");
    await message(open.id, "inbound", "gone", { deleted: true });

    const { items } = await listNotifications(database.prisma, ME, after);
    expect(items).toEqual([
      {
        messageId: mention.id,
        chatId: room.id,
        chatTitle: "Team room",
        text: "@Me can you take this?",
        reason: "mention",
      },
    ]);

    await database.prisma.noteMention.updateMany({ where: { messageId: mention.id }, data: { seenAt: new Date() } });
    expect((await listNotifications(database.prisma, ME, after)).items).toEqual([]);
  });

  it("stays silent for history filled in now, and for chats of a switched-off connection", async () => {
    const after = await cursorNow();
    const backfilled = await chat("Old history");
    await message(backfilled.id, "inbound", "from last week", { at: minutesAgo(7 * 24 * 60) });
    const off = await database.prisma.connection.create({
      data: { slug: "test:off", kind: "max", displayName: "Off", baseUrl: "http://127.0.0.1:9", enabled: false },
    });
    const hidden = await chat("Hidden", null, off.id);
    await message(hidden.id, "inbound", "nobody hears this");
    expect((await listNotifications(database.prisma, ME, after)).items).toEqual([]);
  });

  it("a burst is answered a page at a time, the cursor at the last one given", async () => {
    const after = await cursorNow();
    const busy = await chat("Busy customer");
    const sent = [];
    for (let index = 0; index < 25; index++) sent.push(await message(busy.id, "inbound", `message ${index}`));
    const first = await listNotifications(database.prisma, ME, after);
    expect(first.items).toHaveLength(20);
    expect(first.cursor).toBe(sent[19]?.id);
    const rest = await listNotifications(database.prisma, ME, first.cursor);
    expect(rest.items.map((item) => item.text)).toEqual([
      "message 20",
      "message 21",
      "message 22",
      "message 23",
      "message 24",
    ]);
  });
});
