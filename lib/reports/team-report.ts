import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type {
  DurationStats,
  ReportAgentRow,
  ReportConnectionRow,
  ReportDay,
  ReportQuery,
  TeamReport,
} from "@/lib/reports/report.types";
import { LONGEST_REPORT_DAYS } from "@/lib/reports/report.types";

/*
 * The team's figures for a period, computed in Postgres from small rollups kept by a trigger on messages
 * (see reportSqls), indexed columns (replies by time, chat_status_changes); the app only reshapes a few
 * hundred grouped rows. The written definitions are in docs/reports.md and on
 * the page:
 * - a customer message is an inbound message (not deleted); a reply is an outbound message that did
 *   not fail to send (sent from the inbox or from the provider's own app); notes and system events
 *   are neither;
 * - a conversation starts with a chat's first customer message or reply;
 * - a first response runs from a customer message that nobody had yet answered (the first after the
 *   team's last reply) to the next reply, in calendar time (nights and weekends count); it belongs to
 *   the period in which the customer wrote; still unanswered ones are counted apart;
 * - a resolution runs from the chat's first message (or its last reopening) to resolved;
 * - the agent filter keeps the chats assigned to that agent now.
 */

const CUSTOMER_MESSAGE = Prisma.sql`m.direction = 'inbound' AND m.deleted_at IS NULL`;
const REPLY = Prisma.sql`m.direction = 'outbound' AND m.delivery_state IS DISTINCT FROM 'failed'`;

/** The local calendar day of `now` in a time zone, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** First and last local day (inclusive) of the period. */
export function periodDays(query: ReportQuery, now: Date): { from: string; to: string } {
  const today = localDate(now, query.timeZone);
  switch (query.period) {
    case "today":
      return { from: today, to: today };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "custom": {
      const { from, to } = query;
      if (!from || !to || from > to) throw new AppError("BAD_REQUEST", "A custom period needs a first and a last day");
      if (addDays(from, LONGEST_REPORT_DAYS - 1) < to) {
        throw new AppError("BAD_REQUEST", `A period can be ${LONGEST_REPORT_DAYS} days at most`);
      }
      return { from, to };
    }
  }
}

type StatsRow = { count: number; median: number | null; p90: number | null };
const stats = (row: StatsRow | undefined): DurationStats => ({
  count: row?.count ?? 0,
  medianSeconds: row?.median ?? null,
  p90Seconds: row?.p90 ?? null,
});

/** The origin of the rollup's quarter-hours (migration 20261204970000_report_rollups). */
const QUARTER_ORIGIN = "2000-01-01 00:00:00+00";

/**
 * The period's first and last instant: local midnights in the viewer's time zone (DST-safe); and whether
 * the per-quarter-hour counts can answer it: every local midnight of it falls on a UTC quarter-hour, i.e.
 * the zone's offset is a whole number of quarter-hours (true for every zone in use today; zones change
 * offset at night, so a day with a stranger offset shows it at its midnight).
 */
export function periodBoundsSql(from: string, to: string, timeZone: string): Prisma.Sql {
  return Prisma.sql`
    SELECT (${from}::date::timestamp AT TIME ZONE ${timeZone}) AS start,
      ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS "end",
      NOT EXISTS (
        SELECT 1 FROM generate_series(${from}::date::timestamp, (${to}::date + 1)::timestamp, interval '1 day') AS d
        WHERE date_bin('15 minutes', d AT TIME ZONE ${timeZone}, ${QUARTER_ORIGIN}::timestamptz) <> d AT TIME ZONE ${timeZone}
      ) AS "quarterAligned"`;
}

export type PeriodBounds = { start: Date; end: Date; quarterAligned: boolean };

/**
 * The report's statements for a period's bounds (the benchmark times these very statements). They read
 * the rollups that a trigger on messages keeps (migration 20261204970000_report_rollups): customer
 * messages and replies per connection and quarter-hour, each chat's start, each customer wait. The
 * agent filter (chats assigned now) and a period the quarter-hours cannot split exactly read the
 * period's messages instead, for the counts and the heat map.
 */
export function reportSqls(query: ReportQuery, { start, end, quarterAligned }: PeriodBounds) {
  const tz = query.timeZone;
  const filtered = Boolean(query.connection || query.agent);
  const filters = [Prisma.sql`TRUE`];
  if (query.connection) filters.push(Prisma.sql`c.connection_id = ${query.connection}::uuid`);
  if (query.agent) filters.push(Prisma.sql`c.assignee_id = ${query.agent}`);
  const chatFilter = Prisma.join(filters, " AND ");
  /** Joins the chat only when a filter needs it (Postgres keeps an inner join it does not need). */
  const chatOf = (alias: string) =>
    filtered ? Prisma.sql`JOIN chats c ON c.id = ${Prisma.raw(alias)}.chat_id AND ${chatFilter}` : Prisma.empty;
  const inPeriod = Prisma.sql`m.created_at >= ${start} AND m.created_at < ${end}`;
  const fromQuarters = quarterAligned && !query.agent;
  // The period's local days as instants: each day's rows are one index range, with no time zone
  // arithmetic per row.
  const days = Prisma.sql`
    SELECT d::date AS day, d AT TIME ZONE ${tz} AS day_start, (d + interval '1 day') AT TIME ZONE ${tz} AS day_end
    FROM generate_series(${start}::timestamptz AT TIME ZONE ${tz},
      (${end}::timestamptz AT TIME ZONE ${tz}) - interval '1 day', interval '1 day') AS d`;
  const started = Prisma.sql`
    SELECT 'new' AS what, to_char(d.day, 'YYYY-MM-DD') AS day, s.connection_id::text AS "connectionId",
      count(*)::int AS n
    FROM days d JOIN report_chat_starts s ON s.started_at >= d.day_start AND s.started_at < d.day_end
    ${chatOf("s")}
    GROUP BY d.day, s.connection_id`;
  const connectionOfQuarter = query.connection
    ? Prisma.sql`AND q.connection_id = ${query.connection}::uuid`
    : Prisma.empty;
  return {
    counts: fromQuarters
      ? Prisma.sql`
      WITH days AS MATERIALIZED (${days}), per_day AS (
        SELECT to_char(d.day, 'YYYY-MM-DD') AS day, q.connection_id::text AS "connectionId",
          sum(q.customer_messages)::int AS customer, sum(q.replies)::int AS replies
        FROM days d JOIN report_quarter_counts q ON q.quarter >= d.day_start AND q.quarter < d.day_end
          ${connectionOfQuarter}
        GROUP BY d.day, q.connection_id
      )
      SELECT 'in' AS what, day, "connectionId", customer AS n FROM per_day WHERE customer > 0
      UNION ALL SELECT 'out', day, "connectionId", replies FROM per_day WHERE replies > 0
      UNION ALL ${started}`
      : Prisma.sql`
      WITH days AS MATERIALIZED (${days}), tagged AS (
        SELECT 'in' AS what, m.created_at, c.connection_id FROM messages m JOIN chats c ON c.id = m.chat_id
        WHERE ${CUSTOMER_MESSAGE} AND ${inPeriod} AND ${chatFilter}
        UNION ALL
        SELECT 'out', m.created_at, c.connection_id FROM messages m JOIN chats c ON c.id = m.chat_id
        WHERE ${REPLY} AND ${inPeriod} AND ${chatFilter}
      )
      SELECT what, to_char(created_at AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day,
        connection_id::text AS "connectionId", count(*)::int AS n
      FROM tagged GROUP BY 1, 2, 3
      UNION ALL ${started}`,
    heat: fromQuarters
      ? Prisma.sql`
      SELECT extract(isodow FROM local)::int AS weekday, extract(hour FROM local)::int AS hour, sum(n)::int AS n
      FROM (
        SELECT q.quarter AT TIME ZONE ${tz} AS local, sum(q.customer_messages) AS n
        FROM report_quarter_counts q
        WHERE q.quarter >= ${start} AND q.quarter < ${end} ${connectionOfQuarter}
        GROUP BY q.quarter
      ) per_quarter
      GROUP BY 1, 2 HAVING sum(n) > 0`
      : Prisma.sql`
      SELECT extract(isodow FROM m.created_at AT TIME ZONE ${tz})::int AS weekday,
        extract(hour FROM m.created_at AT TIME ZONE ${tz})::int AS hour, count(*)::int AS n
      FROM messages m JOIN chats c ON c.id = m.chat_id
      WHERE ${CUSTOMER_MESSAGE} AND ${inPeriod} AND ${chatFilter}
      GROUP BY 1, 2`,
    episodes: Prisma.sql`
      WITH episodes AS (
        SELECT w.asked_at, w.answered_at, w.answered_by AS sent_by_id
        FROM customer_waits w ${chatOf("w")}
        WHERE w.asked_at >= ${start} AND w.asked_at < ${end}
      )
      SELECT everyone, answered, "agentId", count, unanswered,
        round(percentiles[1]::numeric, 3)::float8 AS median, round(percentiles[2]::numeric, 3)::float8 AS p90
      FROM (
        -- Both percentiles from one sort of each group's waits.
        SELECT GROUPING(answered_at IS NOT NULL, sent_by_id) = 3 AS everyone, answered_at IS NOT NULL AS answered,
          sent_by_id AS "agentId", count(answered_at)::int AS count,
          count(*) FILTER (WHERE answered_at IS NULL)::int AS unanswered,
          percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at)::float8)
            AS percentiles
        FROM episodes
        GROUP BY GROUPING SETS ((), (answered_at IS NOT NULL, sent_by_id))
      ) grouped`,
    replies: Prisma.sql`
      SELECT "agentId", sum(n)::int AS replies, count(*)::int AS chats
      FROM (
        SELECT m.sent_by_id AS "agentId", m.chat_id, count(*) AS n
        FROM messages m ${chatOf("m")}
        WHERE ${REPLY} AND ${inPeriod}
        GROUP BY 1, 2
      ) per_chat
      GROUP BY 1`,
    resolution: Prisma.sql`
      SELECT count(*)::int AS count,
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.changed_at - o.opened_at)::float8)::numeric, 3)::float8 AS median,
        round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.changed_at - o.opened_at)::float8)::numeric, 3)::float8 AS p90
      FROM chat_status_changes s JOIN chats c ON c.id = s.chat_id
      CROSS JOIN LATERAL (
        SELECT COALESCE(
          (SELECT max(p.changed_at) FROM chat_status_changes p
            WHERE p.chat_id = s.chat_id AND p.from_status = 'resolved' AND (p.changed_at, p.id) < (s.changed_at, s.id)),
          (SELECT min(m.created_at) FROM messages m WHERE m.chat_id = s.chat_id AND ((${CUSTOMER_MESSAGE}) OR (${REPLY}))),
          c.created_at) AS opened_at
      ) o
      WHERE s.to_status = 'resolved' AND s.changed_at >= ${start} AND s.changed_at < ${end} AND ${chatFilter}`,
  };
}

/**
 * A report's statement may take this long at most: a long custom period over a big team must not
 * keep a database connection busy for minutes on a click.
 */
const REPORT_STATEMENT_TIMEOUT_MS = 15_000;

/** One statement of a report, under the time limit; running out of time is a clear answer, not a 500. */
async function reportRows<Row>(db: Db, sql: Prisma.Sql): Promise<Row[]> {
  try {
    const [, rows] = await db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${REPORT_STATEMENT_TIMEOUT_MS}`),
      db.$queryRaw<Row[]>(sql),
    ]);
    return rows;
  } catch (error) {
    if (error instanceof Error && /statement timeout/i.test(error.message)) {
      throw new AppError(
        "UNSUPPORTED",
        "This report takes too long to compute: choose a shorter period or fewer filters",
      );
    }
    throw error;
  }
}

export async function teamReport(db: Db, query: ReportQuery, now = new Date()): Promise<TeamReport> {
  const { from, to } = periodDays(query, now);
  const tz = query.timeZone;
  const [bounds] = await db.$queryRaw<PeriodBounds[]>(periodBoundsSql(from, to, tz));
  if (!bounds) throw new Error("Postgres returned no period bounds");
  const { start, end } = bounds;
  const sql = reportSqls(query, bounds);
  const [counts, heat, episodes, replies, resolution] = await Promise.all([
    reportRows<{ what: "in" | "out" | "new"; day: string; connectionId: string; n: number }>(db, sql.counts),
    reportRows<{ weekday: number; hour: number; n: number }>(db, sql.heat),
    reportRows<StatsRow & { everyone: boolean; answered: boolean; agentId: string | null; unanswered: number }>(
      db,
      sql.episodes,
    ),
    reportRows<{ agentId: string | null; replies: number; chats: number }>(db, sql.replies),
    reportRows<StatsRow>(db, sql.resolution),
  ]);

  const dayList: ReportDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    dayList.push({ date: day, conversationsStarted: 0, customerMessages: 0, repliesSent: 0 });
  }
  const days = new Map(dayList.map((day) => [day.date, day]));
  const totals = { conversationsStarted: 0, customerMessages: 0, repliesSent: 0 };
  const perConnection = new Map<string, typeof totals>();
  const field = { in: "customerMessages", out: "repliesSent", new: "conversationsStarted" } as const;
  for (const row of counts) {
    const key = field[row.what];
    totals[key] += row.n;
    const day = days.get(row.day);
    if (day) day[key] += row.n;
    const connection = perConnection.get(row.connectionId) ?? {
      conversationsStarted: 0,
      customerMessages: 0,
      repliesSent: 0,
    };
    connection[key] += row.n;
    perConnection.set(row.connectionId, connection);
  }

  const connectionIds = [...perConnection.keys()];
  const connectionRows = connectionIds.length
    ? await db.connection.findMany({
        where: { id: { in: connectionIds } },
        select: { id: true, displayName: true, kind: true },
      })
    : [];
  const connections: ReportConnectionRow[] = connectionRows
    .map((connection) => ({
      connectionId: connection.id,
      name: connection.displayName,
      kind: connection.kind,
      ...(perConnection.get(connection.id) ?? { conversationsStarted: 0, customerMessages: 0, repliesSent: 0 }),
    }))
    .sort((a, b) => b.customerMessages - a.customerMessages || a.name.localeCompare(b.name));

  const overall = episodes.find((row) => row.everyone);
  const answeredBy = new Map(episodes.filter((row) => !row.everyone && row.answered).map((row) => [row.agentId, row]));
  const agentIds = new Set<string | null>([...replies.map((row) => row.agentId), ...answeredBy.keys()]);
  const named = await db.user.findMany({
    where: { id: { in: [...agentIds].filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  const names = new Map(named.map((user) => [user.id, user.name]));
  const agents: ReportAgentRow[] = [...agentIds]
    .map((agentId) => {
      const sent = replies.find((row) => row.agentId === agentId);
      return {
        agentId,
        name: agentId === null ? null : (names.get(agentId) ?? null),
        replies: sent?.replies ?? 0,
        chatsHandled: sent?.chats ?? 0,
        firstResponse: stats(answeredBy.get(agentId)),
      };
    })
    .sort((a, b) => b.replies - a.replies || (a.name ?? "").localeCompare(b.name ?? ""));

  return {
    period: { from, to, timeZone: tz, start: start.toISOString(), end: end.toISOString() },
    totals,
    firstResponse: { ...stats(overall), unanswered: overall?.unanswered ?? 0 },
    resolution: stats(resolution[0]),
    days: dayList,
    agents,
    connections,
    heatMap: heat.map((row) => ({ weekday: row.weekday, hour: row.hour, customerMessages: row.n })),
  };
}
