import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { viewCounts } from "@/lib/chats/view-counts";
import { ingestChats, ingestMessages } from "@/lib/ingest/ingest";
import { chatRow, messageRow, storedConnection } from "@/lib/ingest/testing/rows";
import { recomputeWaiting } from "@/lib/ingest/waiting";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { setChatStatus } from "@/lib/workflow/set-status";

let database: TestDatabase;
let connectionId: string;
let userId: string;
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  connectionId = await storedConnection(database.prisma);
  ({ id: userId } = await database.prisma.user.create({
    data: { id: randomUUID(), name: "Olena", email: "olena@example.com" },
  }));
});
afterAll(async () => {
  await database.drop();
});

/** A chat whose customer wrote `minutesAgo` minutes ago (and nothing since). */
async function customerChat(name: string, minutesAgo: number): Promise<number> {
  const externalId = `${name}-${randomUUID()}`;
  const ids = await ingestChats(database.prisma, connectionId, [chatRow(externalId, { title: name })]);
  const chatId = ids.get(externalId) as number;
  await ingestMessages(database.prisma, chatId, [
    messageRow(externalId, `${externalId}-1`, new Date(Date.now() - minutesAgo * MINUTE)),
  ]);
  return chatId;
}

const chatOf = (id: number) => database.prisma.chat.findUniqueOrThrow({ where: { id } });
const externalOf = async (id: number) => (await chatOf(id)).externalId;
const list = async (params: Record<string, string>) =>
  (await listChats(database.prisma, ZListChatsQuery.parse({ limit: "200", ...params }), { userId })).items;
const openCount = async () => (await viewCounts(database.prisma, userId)).byConnection[connectionId]?.open.all ?? 0;
const waitingCount = async () =>
  (await viewCounts(database.prisma, userId)).byConnection[connectionId]?.needsReply.all ?? 0;

describe("the status workflow", () => {
  it("snoozes until tomorrow 9:00 in the agent's time zone, resolves and reopens, audited and counted", async () => {
    const chatId = await customerChat("Snoozed", 5);
    const openBefore = await openCount();
    const now = new Date("2026-12-04T10:00:00Z");
    const snoozed = await setChatStatus(database.prisma, {
      chatId,
      userId,
      request: { status: "pending", snooze: { preset: "tomorrow", timeZone: "Asia/Tokyo" } },
      now,
    });
    // 19:00 in Tokyo: tomorrow 9:00 there is 00:00 UTC on the 5th.
    expect(snoozed).toEqual({ status: "pending", snoozedUntil: "2026-12-05T00:00:00.000Z" });
    expect(await chatOf(chatId)).toMatchObject({
      inboxStatus: "pending",
      snoozedUntil: new Date(snoozed.snoozedUntil as string),
    });
    expect(await openCount()).toBe(openBefore - 1);
    expect((await list({ state: "pending" })).map((chat) => chat.id)).toContain(chatId);
    expect((await list({ state: "open" })).map((chat) => chat.id)).not.toContain(chatId);

    await setChatStatus(database.prisma, { chatId, userId, request: { status: "resolved" } });
    expect(await chatOf(chatId)).toMatchObject({ inboxStatus: "resolved", snoozedUntil: null });
    await setChatStatus(database.prisma, { chatId, userId, request: { status: "resolved" } });
    await setChatStatus(database.prisma, { chatId, userId, request: { status: "open" } });
    expect(await openCount()).toBe(openBefore);
    const audit = await database.prisma.auditLog.findMany({
      where: { chatId, action: "chat.status" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((entry) => [entry.userId, entry.details])).toEqual([
      [userId, { from: "open", to: "pending", snoozedUntil: "2026-12-05T00:00:00.000Z" }],
      [userId, { from: "pending", to: "resolved", snoozedUntil: null }],
      [userId, { from: "resolved", to: "open", snoozedUntil: null }],
    ]);
  });

  it("refuses a snooze into the past or more than a year ahead", async () => {
    const chatId = await customerChat("Bad times", 1);
    const at = (until: Date) =>
      setChatStatus(database.prisma, {
        chatId,
        userId,
        request: { status: "pending", snooze: { until: until.toISOString() } },
      });
    await expect(at(new Date(Date.now() - MINUTE))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(at(new Date(Date.now() + 400 * 24 * 60 * MINUTE))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await chatOf(chatId)).inboxStatus).toBe("open");
  });

  it("a customer's message reopens a pending or resolved chat in the same transaction; older history and our replies do not", async () => {
    const pending = await customerChat("Comes back", 30);
    const resolved = await customerChat("Writes again", 30);
    await setChatStatus(database.prisma, {
      chatId: pending,
      userId,
      request: { status: "pending", snooze: { preset: "nextWeek", timeZone: "Europe/Kyiv" } },
    });
    await setChatStatus(database.prisma, { chatId: resolved, userId, request: { status: "resolved" } });

    // Older history (scrolling up) and the team's own reply reopen nothing.
    const resolvedExternal = await externalOf(resolved);
    await ingestMessages(database.prisma, resolved, [
      messageRow(resolvedExternal, "older", new Date(Date.now() - 3 * 24 * 60 * MINUTE)),
      messageRow(resolvedExternal, "our-reply", new Date(), { direction: "outbound", authorName: "Support" }),
    ]);
    expect((await chatOf(resolved)).inboxStatus).toBe("resolved");

    await ingestMessages(database.prisma, resolved, [messageRow(resolvedExternal, "again", new Date())]);
    await ingestMessages(database.prisma, pending, [messageRow(await externalOf(pending), "back", new Date())]);
    for (const chatId of [pending, resolved]) {
      expect(await chatOf(chatId)).toMatchObject({ inboxStatus: "open", snoozedUntil: null });
    }
    const reopenings = await database.prisma.auditLog.findMany({
      where: { action: "chat.reopen", chatId: { in: [pending, resolved] } },
      orderBy: { id: "asc" },
    });
    expect(reopenings.map((entry) => [entry.chatId, entry.userId, entry.details])).toEqual([
      [resolved, null, { from: "resolved", reason: "customer_message" }],
      [pending, null, { from: "pending", reason: "customer_message" }],
    ]);
    // Stored again (the next poll), the same message reopens nothing twice.
    await setChatStatus(database.prisma, { chatId: resolved, userId, request: { status: "resolved" } });
    await ingestMessages(database.prisma, resolved, [messageRow(resolvedExternal, "again", new Date())]);
    expect((await chatOf(resolved)).inboxStatus).toBe("resolved");
  });
});

describe("needs reply", () => {
  it("lists open chats whose customer waits, longest wait first, page by page; a reply takes a chat out", async () => {
    const waitingBefore = await waitingCount();
    const waits = [50, 400, 10, 200, 90];
    const chats: number[] = [];
    for (const [index, minutes] of waits.entries()) chats.push(await customerChat(`Waiting ${index}`, minutes));
    const [fifty, fourHundred, ten, twoHundred, ninety] = chats as [number, number, number, number, number];
    const expected = [fourHundred, twoHundred, ninety, fifty, ten];
    const ours = (items: Array<{ id: number }>) => items.map((chat) => chat.id).filter((id) => chats.includes(id));

    expect(ours(await list({ needsReply: "1" }))).toEqual(expected);
    const first = await listChats(database.prisma, ZListChatsQuery.parse({ needsReply: "1", limit: "2" }), { userId });
    const rest = await listChats(
      database.prisma,
      ZListChatsQuery.parse({ needsReply: "1", limit: "200", cursor: first.nextCursor ?? undefined }),
      { userId },
    );
    expect(ours([...first.items, ...rest.items])).toEqual(expected);
    expect(await waitingCount()).toBe(waitingBefore + 5);
    const oldest = first.items.find((chat) => chat.id === fourHundred);
    expect(Date.now() - Date.parse(oldest?.waitingSince ?? "")).toBeGreaterThan(399 * MINUTE);

    // The team replies: out. The customer writes twice more: still waiting since their first unanswered message.
    const twoHundredExternal = await externalOf(twoHundred);
    await ingestMessages(database.prisma, twoHundred, [
      messageRow(twoHundredExternal, "reply", new Date(Date.now() - 100 * MINUTE), { direction: "outbound" }),
    ]);
    expect(ours(await list({ needsReply: "1" }))).toEqual([fourHundred, ninety, fifty, ten]);
    await ingestMessages(database.prisma, twoHundred, [
      messageRow(twoHundredExternal, "again-1", new Date(Date.now() - 20 * MINUTE)),
      messageRow(twoHundredExternal, "again-2", new Date(Date.now() - 5 * MINUTE)),
    ]);
    expect(ours(await list({ needsReply: "1" }))).toEqual([fourHundred, ninety, fifty, twoHundred, ten]);

    // Snoozed or resolved chats are not waiting on anyone; reopened, they are.
    await setChatStatus(database.prisma, { chatId: ninety, userId, request: { status: "resolved" } });
    expect(ours(await list({ needsReply: "1" }))).toEqual([fourHundred, fifty, twoHundred, ten]);
    expect(await waitingCount()).toBe(waitingBefore + 4);
    await setChatStatus(database.prisma, { chatId: ninety, userId, request: { status: "open" } });
    expect(ours(await list({ needsReply: "1", view: "unassigned" }))).toEqual([
      fourHundred,
      ninety,
      fifty,
      twoHundred,
      ten,
    ]);
  });

  it("a reply that failed to send is no reply", async () => {
    const chatId = await customerChat("Failed reply", 15);
    const external = await externalOf(chatId);
    await ingestMessages(database.prisma, chatId, [
      messageRow(external, "sent-reply", new Date(Date.now() - 5 * MINUTE), { direction: "outbound" }),
    ]);
    expect((await chatOf(chatId)).waitingSince).toBeNull();
    await database.prisma.message.updateMany({
      where: { chatId, externalId: "sent-reply" },
      data: { deliveryState: "failed" },
    });
    expect(await recomputeWaiting(database.prisma, [chatId])).toEqual([
      { id: chatId, connectionId, waiting: true, flipped: true },
    ]);
    expect((await chatOf(chatId)).waitingSince?.getTime()).toBeLessThan(Date.now() - 14 * MINUTE);
  });
});
