import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageDirection } from "@/lib/generated/prisma/client.ts";
import { type CsvLabels, reportCsv } from "@/lib/reports/report-csv";
import { teamReport } from "@/lib/reports/team-report";
import { visibleReport } from "@/lib/reports/visible-report";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { setChatStatus } from "@/lib/workflow/set-status";

/*
 * A known week in Moscow (UTC+3, no daylight saving): Monday 2 to Sunday 8 November 2026, with
 * nights, notes, a failed send, a deleted message, a reply sent outside the inbox, two agents and a
 * reopened chat. Every figure below is worked out by hand in the comments.
 */
const timeZone = "Europe/Moscow";
const week = { period: "custom", from: "2026-11-02", to: "2026-11-08", timeZone } as const;
const at = (local: string) => new Date(`${local.replace(" ", "T")}+03:00`);

let database: TestDatabase;
let alpha: string;
let beta: string;
const alice = { id: randomUUID(), name: "Alice" };
const bob = { id: randomUUID(), name: "Bob" };
const chats: Record<string, number> = {};

type Entry = {
  direction: MessageDirection;
  when: string;
  by?: { id: string };
  failed?: boolean;
  deleted?: boolean;
};

async function chat(name: string, connectionId: string, assigneeId: string | null, entries: Entry[]) {
  const created = await database.prisma.chat.create({
    data: { connectionId, externalId: name, title: name, assigneeId },
  });
  chats[name] = created.id;
  for (const [index, entry] of entries.entries()) {
    await database.prisma.message.create({
      data: {
        chatId: created.id,
        externalId: `${name}-${index}`,
        direction: entry.direction,
        text: `${entry.direction} ${entry.when}`,
        createdAt: at(entry.when),
        sentById: entry.by?.id ?? null,
        deliveryState: entry.direction === "outbound" ? (entry.failed ? "failed" : "delivered") : null,
        deletedAt: entry.deleted ? at(entry.when) : null,
      },
    });
  }
}

/** A status change as the workflow writes it, at a chosen time. */
async function moveTo(name: string, status: "open" | "resolved", when: string) {
  await database.prisma.$executeRaw`
    UPDATE chats SET inbox_status = ${status}::"InboxStatus", status_changed_at = ${at(when)} WHERE id = ${chats[name]}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const connection = async (slug: string, kind: "max" | "smartsender", displayName: string) =>
    (await database.prisma.connection.create({ data: { slug, kind, displayName, baseUrl: "http://127.0.0.1:9" } })).id;
  alpha = await connection("test:alpha", "max", "Alpha");
  beta = await connection("test:beta", "smartsender", "Beta");
  for (const user of [alice, bob]) {
    await database.prisma.user.create({ data: { ...user, email: `${user.id}@example.com` } });
  }

  // Alice's chat: two waits on Monday morning, a night wait after it is reopened, resolved twice.
  await chat("one", alpha, alice.id, [
    { direction: "inbound", when: "2026-11-02 10:00:00" }, // waits from here...
    { direction: "inbound", when: "2026-11-02 10:02:00" }, // ...still the same wait
    { direction: "note", when: "2026-11-02 10:03:00", by: bob }, // a note is never a reply
    { direction: "outbound", when: "2026-11-02 10:05:00", by: alice }, // first response 300 s
    { direction: "inbound", when: "2026-11-02 11:00:00" },
    { direction: "outbound", when: "2026-11-02 11:01:30", by: alice }, // 90 s
    { direction: "system", when: "2026-11-02 11:30:00" },
    { direction: "inbound", when: "2026-11-03 23:50:00" }, // late at night, after it was resolved
    { direction: "outbound", when: "2026-11-04 08:20:00", by: bob }, // 8 h 30 min = 30600 s, nights count
  ]);
  await moveTo("one", "resolved", "2026-11-02 12:00:00"); // 10:00 → 12:00 = 7200 s
  await moveTo("one", "open", "2026-11-03 23:50:05"); // the customer reopened it
  await moveTo("one", "resolved", "2026-11-04 09:00:00"); // 23:50:05 → 09:00 = 32995 s

  // Bob's chat on Beta: a failed send does not answer; a reply from the provider's own app is a reply.
  await chat("two", beta, bob.id, [
    { direction: "inbound", when: "2026-11-05 14:00:00" },
    { direction: "outbound", when: "2026-11-05 14:01:00", by: bob, failed: true },
    { direction: "outbound", when: "2026-11-05 14:10:00", by: bob }, // 600 s
    { direction: "outbound", when: "2026-11-05 14:20:00" }, // sent outside the inbox
  ]);

  // Nobody has answered yet; its second message is after the week.
  await chat("three", alpha, null, [
    { direction: "inbound", when: "2026-11-08 23:30:00" },
    { direction: "inbound", when: "2026-11-09 00:30:00" },
  ]);

  // Began the Sunday before: its reply counts in the week, its start and its wait do not.
  await chat("four", beta, null, [
    { direction: "inbound", when: "2026-11-01 22:00:00" },
    { direction: "outbound", when: "2026-11-02 00:30:00", by: alice },
    { direction: "inbound", when: "2026-11-06 09:00:00", deleted: true },
  ]);

  // The team wrote first.
  await chat("five", alpha, null, [
    { direction: "outbound", when: "2026-11-07 12:00:00", by: alice },
    { direction: "inbound", when: "2026-11-07 12:30:00" },
    { direction: "outbound", when: "2026-11-07 12:45:00", by: alice }, // 900 s
  ]);
});

afterAll(async () => {
  await database.drop();
});

describe("the team report", () => {
  it("counts, times and splits a known week to the second", async () => {
    const report = await teamReport(database.prisma, week);
    expect(report.period).toEqual({
      from: "2026-11-02",
      to: "2026-11-08",
      timeZone,
      start: "2026-11-01T21:00:00.000Z",
      end: "2026-11-08T21:00:00.000Z",
    });
    // Started: one, two, three, five. Customer messages: 4 + 1 + 1 + 0 (deleted) + 1.
    // Replies: 3 + 2 (not the failed one) + 1 + 2.
    expect(report.totals).toEqual({ conversationsStarted: 4, customerMessages: 7, repliesSent: 8 });
    // Answered waits [90, 300, 600, 900, 30600]: median 600; p90 at 3.6 → 900 + 0.6 × 29700.
    expect(report.firstResponse).toEqual({ count: 5, medianSeconds: 600, p90Seconds: 18720, unanswered: 1 });
    // [7200, 32995]: median 20097.5; p90 7200 + 0.9 × 25795.
    expect(report.resolution).toEqual({ count: 2, medianSeconds: 20097.5, p90Seconds: 30415.5 });
    expect(report.days).toEqual([
      { date: "2026-11-02", conversationsStarted: 1, customerMessages: 3, repliesSent: 3 },
      { date: "2026-11-03", conversationsStarted: 0, customerMessages: 1, repliesSent: 0 },
      { date: "2026-11-04", conversationsStarted: 0, customerMessages: 0, repliesSent: 1 },
      { date: "2026-11-05", conversationsStarted: 1, customerMessages: 1, repliesSent: 2 },
      { date: "2026-11-06", conversationsStarted: 0, customerMessages: 0, repliesSent: 0 },
      { date: "2026-11-07", conversationsStarted: 1, customerMessages: 1, repliesSent: 2 },
      { date: "2026-11-08", conversationsStarted: 1, customerMessages: 1, repliesSent: 0 },
    ]);
    expect(report.agents).toEqual([
      // 10:05, 11:01:30 in one; 00:30 in four; 12:00, 12:45 in five. Waits 300, 90, 900.
      {
        agentId: alice.id,
        name: "Alice",
        replies: 5,
        chatsHandled: 3,
        firstResponse: { count: 3, medianSeconds: 300, p90Seconds: 780 },
      },
      // 08:20 in one; 14:10 in two. Waits 30600 and 600.
      {
        agentId: bob.id,
        name: "Bob",
        replies: 2,
        chatsHandled: 2,
        firstResponse: { count: 2, medianSeconds: 15600, p90Seconds: 27600 },
      },
      {
        agentId: null,
        name: null,
        replies: 1,
        chatsHandled: 1,
        firstResponse: { count: 0, medianSeconds: null, p90Seconds: null },
      },
    ]);
    expect(report.connections).toEqual([
      {
        connectionId: alpha,
        name: "Alpha",
        kind: "max",
        conversationsStarted: 3,
        customerMessages: 6,
        repliesSent: 5,
      },
      {
        connectionId: beta,
        name: "Beta",
        kind: "smartsender",
        conversationsStarted: 1,
        customerMessages: 1,
        repliesSent: 3,
      },
    ]);
    const heat = [...report.heatMap].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
    expect(heat).toEqual([
      { weekday: 1, hour: 10, customerMessages: 2 },
      { weekday: 1, hour: 11, customerMessages: 1 },
      { weekday: 2, hour: 23, customerMessages: 1 },
      { weekday: 4, hour: 14, customerMessages: 1 },
      { weekday: 6, hour: 12, customerMessages: 1 },
      { weekday: 7, hour: 23, customerMessages: 1 },
    ]);
  });

  it("narrows to one connection or to the chats assigned to one agent", async () => {
    const onBeta = await teamReport(database.prisma, { ...week, connection: beta });
    expect(onBeta.totals).toEqual({ conversationsStarted: 1, customerMessages: 1, repliesSent: 3 });
    expect(onBeta.firstResponse).toEqual({ count: 1, medianSeconds: 600, p90Seconds: 600, unanswered: 0 });
    expect(onBeta.resolution).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });

    const alicesChats = await teamReport(database.prisma, { ...week, agent: alice.id });
    expect(alicesChats.totals).toEqual({ conversationsStarted: 1, customerMessages: 4, repliesSent: 3 });
    // [90, 300, 30600]: p90 at 1.8 → 300 + 0.8 × 30300.
    expect(alicesChats.firstResponse).toEqual({ count: 3, medianSeconds: 300, p90Seconds: 24540, unanswered: 0 });
    expect(alicesChats.resolution.count).toBe(2);
  });

  it("reads today and the last 7 days in the viewer's time zone", async () => {
    // 21:00 UTC on 3 November is midnight starting 4 November in Moscow.
    const now = new Date("2026-11-03T21:00:00Z");
    const today = await teamReport(database.prisma, { period: "today", timeZone }, now);
    expect(today.period).toMatchObject({ from: "2026-11-04", to: "2026-11-04" });
    expect(today.totals).toEqual({ conversationsStarted: 0, customerMessages: 0, repliesSent: 1 });
    expect(today.resolution).toEqual({ count: 1, medianSeconds: 32995, p90Seconds: 32995 });

    // 29 October to 4 November: chat four's Sunday start and wait are in it now (2 h 30 min).
    const lastWeek = await teamReport(database.prisma, { period: "7d", timeZone }, now);
    expect(lastWeek.period).toMatchObject({ from: "2026-10-29", to: "2026-11-04" });
    expect(lastWeek.totals).toEqual({ conversationsStarted: 2, customerMessages: 5, repliesSent: 4 });
    // Waits [90, 300, 9000, 30600]: median (300 + 9000) / 2; p90 at 2.7 → 9000 + 0.7 × 21600.
    expect(lastWeek.firstResponse).toEqual({ count: 4, medianSeconds: 4650, p90Seconds: 24120, unanswered: 0 });

    // The same instant seen from UTC is still 3 November.
    const utc = await teamReport(database.prisma, { period: "today", timeZone: "UTC" }, now);
    expect(utc.period).toMatchObject({ from: "2026-11-03", to: "2026-11-03" });
  });

  it("keeps every status change the workflow makes", async () => {
    const before = new Date();
    await setChatStatus(database.prisma, {
      chatId: chats.two as number,
      userId: bob.id,
      request: { status: "resolved" },
    });
    const changes = await database.prisma.chatStatusChange.findMany({ where: { chatId: chats.two } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ fromStatus: "open", toStatus: "resolved" });
    expect(changes[0]?.changedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });
});

describe("who sees what, and the CSV", () => {
  it("shows an agent the team's figures with their own row only, and refuses another agent's chats", async () => {
    const asBob = await visibleReport(database.prisma, { userId: bob.id, role: "agent" }, week);
    expect(asBob.totals).toEqual({ conversationsStarted: 4, customerMessages: 7, repliesSent: 8 });
    expect(asBob.agents.map((row) => row.name)).toEqual(["Bob"]);
    await expect(
      visibleReport(database.prisma, { userId: bob.id, role: "agent" }, { ...week, agent: alice.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asAdmin = await visibleReport(
      database.prisma,
      { userId: bob.id, role: "admin" },
      { ...week, agent: alice.id },
    );
    expect(asAdmin.agents).toHaveLength(2);
  });

  it("writes each table as CSV with quoted names and defused formulas", async () => {
    const labels = new Proxy({} as CsvLabels, { get: (_, key) => String(key) });
    const report = await teamReport(database.prisma, week);
    expect(reportCsv(report, "days", labels).split("\r\n").slice(0, 3)).toEqual([
      "date,conversationsStarted,customerMessages,repliesSent",
      "2026-11-02,1,3,3",
      "2026-11-03,0,1,0",
    ]);
    const renamed = {
      ...report,
      agents: [{ ...report.agents[0], name: '=HYPERLINK("x"), Alice' } as (typeof report.agents)[number]],
    };
    expect(reportCsv(renamed, "agents", labels)).toBe(
      'agent,repliesSent,chatsHandled,firstResponseCount,firstResponseMedian\r\n"\'=HYPERLINK(""x""), Alice",5,3,3,300\r\n',
    );
    expect(reportCsv(report, "summary", labels)).toContain("firstResponseP90,18720\r\n");
  });
});
