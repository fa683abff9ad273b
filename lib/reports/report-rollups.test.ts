import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ingestChats, ingestMessages, ingestRemovals } from "@/lib/ingest/ingest";
import { chatRow, messageRow, storedConnection } from "@/lib/ingest/testing/rows";
import { addNote } from "@/lib/notes/add-note";
import { localDate, teamReport } from "@/lib/reports/team-report";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { setChatStatus } from "@/lib/workflow/set-status";

/*
 * The report reads rollups that a trigger on messages keeps (customer waits, chat starts, counts per
 * quarter-hour). Each case writes messages the way the app does (ingest, notes, status changes, a send
 * failing), checks the report's figures, and checks that the kept rollups equal a rebuild from scratch.
 */
let database: TestDatabase;
let prisma: Db;
const agent = { id: randomUUID(), name: "Agent" };
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await prisma.user.create({ data: { ...agent, email: `${agent.id}@example.com` } });
});

afterAll(async () => {
  await database.drop();
});

/** A chat on a connection of its own, so each case's report (filtered to it) sees only its messages. */
async function newChat(): Promise<{ connectionId: string; chatId: number; external: string }> {
  const connectionId = await storedConnection(prisma);
  const external = `chat-${randomUUID()}`;
  const ids = await ingestChats(prisma, connectionId, [chatRow(external)]);
  const chatId = ids.get(external);
  if (chatId === undefined) throw new Error("chat was not stored");
  return { connectionId, chatId, external };
}

const utc = (at: string) => new Date(`${at}Z`);

/** A reply typed in the inbox by the agent, stored as the send path stores it. */
async function agentReply(chatId: number, at: Date, deliveryState: "sent" | "failed" = "sent") {
  return prisma.message.create({
    data: {
      chatId,
      externalId: `sent-${randomUUID()}`,
      direction: "outbound",
      text: "On it",
      createdAt: at,
      sentById: agent.id,
      deliveryState,
    },
  });
}

type Rollups = { counts: unknown[]; starts: unknown[]; waits: unknown[] };

async function rollups(): Promise<Rollups> {
  return {
    counts: await prisma.$queryRaw`
      SELECT connection_id, quarter, customer_messages, replies FROM report_quarter_counts
      WHERE customer_messages <> 0 OR replies <> 0 ORDER BY 1, 2`,
    starts: await prisma.$queryRaw`SELECT * FROM report_chat_starts ORDER BY chat_id`,
    waits: await prisma.$queryRaw`SELECT * FROM customer_waits ORDER BY message_id`,
  };
}

/** What the trigger kept, message by message, equals the tables rebuilt from all messages at once. */
async function expectRollupsToMatchARebuild() {
  const kept = await rollups();
  await prisma.$executeRaw`SELECT report_rebuild_rollups()`;
  expect(kept).toEqual(await rollups());
}

const dayReport = (connection: string, from: string, to = from) =>
  teamReport(prisma, { period: "custom", from, to, timeZone: "UTC", connection });

describe("the report's rollups", () => {
  it("count a message ingested twice once", async () => {
    const { connectionId, chatId, external } = await newChat();
    const batch = [
      messageRow(external, "q1", utc("2026-10-05T10:00:00")),
      messageRow(external, "a1", utc("2026-10-05T10:05:00"), { direction: "outbound", deliveryState: "sent" }),
    ];
    await ingestMessages(prisma, chatId, batch);
    await ingestMessages(prisma, chatId, batch);
    await ingestMessages(prisma, chatId, [batch[0] as (typeof batch)[number]]);

    const report = await dayReport(connectionId, "2026-10-05");
    expect(report.totals).toEqual({ conversationsStarted: 1, customerMessages: 1, repliesSent: 1 });
    expect(report.firstResponse).toEqual({ count: 1, medianSeconds: 300, p90Seconds: 300, unanswered: 0 });
    await expectRollupsToMatchARebuild();
  });

  it("follow messages that arrive late and out of order, the conversation's start included", async () => {
    const { connectionId, chatId, external } = await newChat();
    // The newest page first: a reply after midnight, then the customer again.
    await ingestMessages(prisma, chatId, [
      messageRow(external, "a1", utc("2026-10-06T00:10:00"), { direction: "outbound", deliveryState: "sent" }),
      messageRow(external, "q2", utc("2026-10-06T00:20:00")),
    ]);
    let report = await dayReport(connectionId, "2026-10-05", "2026-10-06");
    expect(report.days.map((day) => day.conversationsStarted)).toEqual([0, 1]);
    expect(report.firstResponse).toMatchObject({ count: 0, unanswered: 1 });

    // The older page arrives: the conversation began the evening before, and its wait was 15 minutes.
    await ingestMessages(prisma, chatId, [messageRow(external, "q1", utc("2026-10-05T23:55:00"))]);
    // Then the answer to the second question, and a late copy of a question inside the first wait.
    await ingestMessages(prisma, chatId, [
      messageRow(external, "a2", utc("2026-10-06T00:30:00"), { direction: "outbound", deliveryState: "sent" }),
      messageRow(external, "q1b", utc("2026-10-06T00:05:00")),
    ]);
    report = await dayReport(connectionId, "2026-10-05", "2026-10-06");
    expect(report.days.map((day) => [day.conversationsStarted, day.customerMessages, day.repliesSent])).toEqual([
      [1, 1, 0],
      [0, 2, 2],
    ]);
    // Waits: 23:55 → 00:10 (900 s) and 00:20 → 00:30 (600 s).
    expect(report.firstResponse).toEqual({ count: 2, medianSeconds: 750, p90Seconds: 870, unanswered: 0 });
    expect(report.heatMap).toEqual(
      expect.arrayContaining([
        { weekday: 1, hour: 23, customerMessages: 1 },
        { weekday: 2, hour: 0, customerMessages: 2 },
      ]),
    );
    await expectRollupsToMatchARebuild();
  });

  it("never count a note, and follow a removed message and a send that failed", async () => {
    const { connectionId, chatId, external } = await newChat();
    await ingestMessages(prisma, chatId, [
      messageRow(external, "q1", utc("2026-10-07T09:00:00")),
      messageRow(external, "q2", utc("2026-10-07T09:30:00")),
    ]);
    // A note between the question and the answer (as the notes service stores one), and one added now.
    await prisma.message.create({
      data: {
        chatId,
        externalId: `note:${randomUUID()}`,
        direction: "note",
        text: "Checking the order",
        createdAt: utc("2026-10-07T09:35:00"),
        sentById: agent.id,
      },
    });
    await addNote(prisma, {
      chatId,
      user: agent,
      request: { clientId: randomUUID(), text: "Looking into it", mentions: [] },
    });
    const reply = await agentReply(chatId, utc("2026-10-07T09:40:00"));
    let report = await dayReport(connectionId, "2026-10-07");
    expect(report.totals).toEqual({ conversationsStarted: 1, customerMessages: 2, repliesSent: 1 });
    expect(report.firstResponse).toEqual({ count: 1, medianSeconds: 2400, p90Seconds: 2400, unanswered: 0 });
    expect(report.agents.map((row) => [row.name, row.replies, row.firstResponse.count])).toEqual([["Agent", 1, 1]]);

    // The customer deletes the first question: the wait starts at the second one.
    await ingestRemovals(prisma, connectionId, [
      { chatExternalId: external, messageExternalId: "q1", at: utc("2026-10-07T09:45:00") },
    ]);
    report = await dayReport(connectionId, "2026-10-07");
    expect(report.totals).toEqual({ conversationsStarted: 1, customerMessages: 1, repliesSent: 1 });
    expect(report.firstResponse).toEqual({ count: 1, medianSeconds: 600, p90Seconds: 600, unanswered: 0 });

    // The provider refuses the reply (as the outbox records it): nothing answered the customer.
    await prisma.message.update({ where: { id: reply.id }, data: { deliveryState: "failed" } });
    report = await dayReport(connectionId, "2026-10-07");
    expect(report.totals).toEqual({ conversationsStarted: 1, customerMessages: 1, repliesSent: 0 });
    expect(report.firstResponse).toMatchObject({ count: 0, unanswered: 1 });
    expect(report.agents).toEqual([]);
    await expectRollupsToMatchARebuild();
  });

  it("time the wait of a customer who reopens a resolved chat", async () => {
    const { connectionId, chatId, external } = await newChat();
    const now = Date.now();
    await ingestMessages(prisma, chatId, [messageRow(external, "q1", new Date(now - 60 * MINUTE))]);
    await agentReply(chatId, new Date(now - 55 * MINUTE));
    await setChatStatus(prisma, { chatId, userId: agent.id, request: { status: "resolved" } });
    // The customer writes again: the chat reopens and a new wait begins.
    await ingestMessages(prisma, chatId, [messageRow(external, "q2", new Date(now))]);
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: chatId } })).inboxStatus).toBe("open");
    await agentReply(chatId, new Date(now + 10 * MINUTE));

    const yesterday = localDate(new Date(now - 24 * 60 * MINUTE), "UTC");
    const tomorrow = localDate(new Date(now + 24 * 60 * MINUTE), "UTC");
    const report = await dayReport(connectionId, yesterday, tomorrow);
    expect(report.totals).toEqual({ conversationsStarted: 1, customerMessages: 2, repliesSent: 2 });
    expect(report.firstResponse).toEqual({ count: 2, medianSeconds: 450, p90Seconds: 570, unanswered: 0 });
    expect(report.resolution.count).toBe(1);
    await expectRollupsToMatchARebuild();
  });

  it("stay exact when several writers store one chat's messages at once", async () => {
    const { connectionId, chatId } = await newChat();
    // Customer messages and replies in an order nobody planned, each in its own transaction.
    const writes = Array.from({ length: 24 }, (_, index) => {
      const at = new Date(utc("2026-10-09T12:00:00").getTime() + ((index * 7) % 24) * MINUTE);
      return index % 3 === 2
        ? agentReply(chatId, at)
        : prisma.message.create({
            data: { chatId, externalId: `q-${index}`, direction: "inbound", text: "Hello?", createdAt: at },
          });
    });
    await Promise.all(writes);
    const report = await dayReport(connectionId, "2026-10-09");
    expect(report.totals).toEqual({ conversationsStarted: 1, customerMessages: 16, repliesSent: 8 });
    await expectRollupsToMatchARebuild();
  });

  it("answer a time zone with half-hour offsets, and one whose offsets are not quarter-hours, exactly", async () => {
    const { connectionId, chatId, external } = await newChat();
    // 18:20 UTC is 23:50 in Kolkata (UTC+5:30); 18:40 UTC is 00:10 the next day there.
    await ingestMessages(prisma, chatId, [
      messageRow(external, "q1", utc("2026-10-08T18:20:00")),
      messageRow(external, "q2", utc("2026-10-08T18:40:00")),
    ]);
    const kolkata = await teamReport(prisma, {
      period: "custom",
      from: "2026-10-08",
      to: "2026-10-09",
      timeZone: "Asia/Kolkata",
      connection: connectionId,
    });
    expect(kolkata.days.map((day) => day.customerMessages)).toEqual([1, 1]);
    expect(kolkata.heatMap.sort((a, b) => a.weekday - b.weekday)).toEqual([
      { weekday: 4, hour: 23, customerMessages: 1 },
      { weekday: 5, hour: 0, customerMessages: 1 },
    ]);
    // Monrovia kept UTC−0:44:30 until 1972: the quarter-hours cannot split its days, the messages can.
    const { connectionId: old, chatId: oldChat, external: oldExternal } = await newChat();
    await ingestMessages(prisma, oldChat, [messageRow(oldExternal, "q1", utc("1970-03-02T00:40:00"))]);
    const monrovia = await teamReport(prisma, {
      period: "custom",
      from: "1970-03-01",
      to: "1970-03-02",
      timeZone: "Africa/Monrovia",
      connection: old,
    });
    expect(monrovia.days.map((day) => day.customerMessages)).toEqual([1, 0]);
    expect(monrovia.heatMap).toEqual([{ weekday: 7, hour: 23, customerMessages: 1 }]);
  });
});
