import type pg from "pg";
import { encodeCursor } from "@/lib/api/cursor";
import { type ListChatsQuery, listChatsSql, ZListChatsQuery } from "@/lib/chats/list-chats";
import { type SearchEstimateRow, searchEstimateSqls, searchPlanFor } from "@/lib/chats/search";
import { unreadCountsSql } from "@/lib/chats/unread-counts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { ZListMessagesQuery } from "@/lib/messages/list-messages";
import { threadPageSql } from "@/lib/messages/read-thread";
import { ZReportQuery } from "@/lib/reports/report.types";
import { type PeriodBounds, periodBoundsSql, periodDays, reportSqls } from "@/lib/reports/team-report";
import { BIG_CHAT_EXTERNAL_ID } from "./seed";

/** An endpoint under load, and the very SQL it runs, so the two can be timed side by side. */
export type Scenario = {
  name: string;
  /** Path and query of the endpoint. */
  path: string;
  /** Runs the endpoint's statements on a bare `pg` client, in the endpoint's order. */
  bare: (client: pg.Client) => Promise<void>;
  /** Statements whose plans must not scan a whole table. */
  plans: Prisma.Sql[];
  /**
   * Targets at one connection: p95, and our share of it (endpoint p95 − bare SQL p95 − framework
   * floor p95; null: measured only).
   */
  target: { p95Ms: number; maxOurShareMs: number | null } | null;
  /** Where the endpoint is served; the app's own server when absent. */
  origin?: string;
  /** The framework floor: a route doing the least any page does (SELECT 1), with no session. */
  floor?: true;
};

/** Whose views (Mine, Mentions) an endpoint reads: the user the benchmark signs in as. */
type Viewer = { userId: string };

const run = (client: pg.Client, sql: Prisma.Sql) => client.query(sql.text, sql.values as unknown[]);

/** The bare SQL of both floor rows. */
const selectOne = async (client: pg.Client) => {
  await client.query("SELECT 1");
};

function listScenario(
  viewer: Viewer,
  name: string,
  params: Record<string, string>,
  target: Scenario["target"],
): Scenario {
  const query: ListChatsQuery = ZListChatsQuery.parse(params);
  const sql = listChatsSql(query, viewer);
  return {
    name,
    path: `/api/chats?${new URLSearchParams(params)}`,
    bare: async (client) => {
      await run(client, sql);
    },
    plans: [sql],
    target,
  };
}

/** A search asks the planner for its two estimates, then runs the page query in the plan they pick. */
async function searchScenario(client: pg.Client, viewer: Viewer, name: string, q: string): Promise<Scenario> {
  const query: ListChatsQuery = ZListChatsQuery.parse({ limit: "50", q });
  const estimates = searchEstimateSqls(q);
  const titles = (await run(client, estimates.titles)).rows[0] as SearchEstimateRow | undefined;
  const messages = (await run(client, estimates.messages)).rows[0] as SearchEstimateRow | undefined;
  const plan = searchPlanFor(titles, messages);
  const sql = listChatsSql(query, viewer, plan);
  return {
    name: `${name} (titles ${plan.titles}, messages ${plan.messages})`,
    path: `/api/chats?${new URLSearchParams({ limit: "50", q })}`,
    bare: async (db) => {
      await run(db, estimates.titles);
      await run(db, estimates.messages);
      await run(db, sql);
    },
    plans: [sql],
    target: { p95Ms: 50, maxOurShareMs: null },
  };
}

function threadScenario(name: string, chatId: number, params: Record<string, string>): Scenario {
  const sql = threadPageSql(chatId, ZListMessagesQuery.parse(params));
  return {
    name,
    path: `/api/chats/${chatId}/messages?${new URLSearchParams(params)}`,
    bare: async (client) => {
      await run(client, sql);
    },
    plans: [sql],
    target: { p95Ms: 15, maxOurShareMs: 1 },
  };
}

/** The 30-day team report: the period's bounds, then its five statements (run one after another here). */
async function reportScenario(client: pg.Client): Promise<Scenario> {
  const params = { period: "30d", timeZone: "Europe/Moscow" };
  const query = ZReportQuery.parse(params);
  const { from, to } = periodDays(query, new Date());
  const boundsSql = periodBoundsSql(from, to, query.timeZone);
  const bounds = (await run(client, boundsSql)).rows[0] as PeriodBounds;
  const statements = Object.values(reportSqls(query, bounds));
  return {
    name: "team report, last 30 days",
    path: `/api/reports?${new URLSearchParams(params)}`,
    bare: async (db) => {
      await run(db, boundsSql);
      for (const statement of statements) await run(db, statement);
    },
    plans: statements,
    target: { p95Ms: 200, maxOurShareMs: null },
  };
}

/** Positions deep in the data, read from the database so the scenarios page where users would. */
async function deepPositions(client: pg.Client) {
  const chat = await client.query<{ activity_at: Date; id: number }>(
    "SELECT activity_at, id FROM chats ORDER BY activity_at DESC, id DESC OFFSET 90000 LIMIT 1",
  );
  const big = await client.query<{ id: number }>("SELECT id FROM chats WHERE external_id = $1", [BIG_CHAT_EXTERNAL_ID]);
  const bigChatId = big.rows[0]?.id;
  if (!chat.rows[0] || bigChatId === undefined) throw new Error("The benchmark database is not seeded");
  const message = await client.query<{ created_at: Date; id: number }>(
    "SELECT created_at, id FROM messages WHERE chat_id = $1 ORDER BY created_at DESC, id DESC OFFSET 90000 LIMIT 1",
    [bigChatId],
  );
  if (!message.rows[0]) throw new Error("The big chat has fewer messages than expected");
  return {
    bigChatId,
    deepChatCursor: encodeCursor({ at: chat.rows[0].activity_at, id: chat.rows[0].id }),
    deepMessageCursor: encodeCursor({ at: message.rows[0].created_at, id: message.rows[0].id }),
  };
}

export async function buildScenarios(
  client: pg.Client,
  viewer: Viewer,
): Promise<{ scenarios: Scenario[]; bigChatId: number }> {
  const { bigChatId, deepChatCursor, deepMessageCursor } = await deepPositions(client);
  const listTarget = { p95Ms: 15, maxOurShareMs: 1 };
  const list = (name: string, params: Record<string, string>) => listScenario(viewer, name, params, listTarget);
  return {
    bigChatId,
    scenarios: [
      list("chat list, first page", { limit: "50" }),
      list("chat list, unread only", { limit: "50", unread: "1" }),
      list("chat list, one provider", { limit: "50", provider: "max" }),
      list("chat list, page 1,800 deep (cursor)", { limit: "50", cursor: deepChatCursor }),
      list("view: Mine (one agent's chats, 1 in 20)", { limit: "50", view: "mine" }),
      list("view: Unassigned", { limit: "50", view: "unassigned" }),
      list("view: Needs reply (longest waiting first)", { limit: "50", needsReply: "1" }),
      list("view: Not delivered (1 send in 1,000 failed)", { limit: "50", view: "undelivered" }),
      await searchScenario(client, viewer, "search: a customer's name", "Иванова"),
      await searchScenario(client, viewer, "search: a common word in messages", "возврат"),
      await searchScenario(client, viewer, "search: a phone number", "900 000 79"),
      await reportScenario(client),
      threadScenario("thread, newest page (100,000-message chat)", bigChatId, { limit: "50" }),
      threadScenario("thread, page 90,000 messages back", bigChatId, { limit: "50", before: deepMessageCursor }),
      {
        name: "unread counts",
        path: "/api/counts",
        bare: async (db) => {
          await run(db, unreadCountsSql());
        },
        plans: [unreadCountsSql()],
        // The our-share target is for list and thread pages; this answers from one row per connection.
        target: { p95Ms: 15, maxOurShareMs: null },
      },
      {
        // What any route costs in Next.js before our code runs: subtracted from every row's our share.
        name: "framework floor: /api/health (SELECT 1, no session)",
        path: "/api/health",
        bare: selectOne,
        plans: [],
        target: null,
        floor: true,
      },
    ],
  };
}

/** The same SELECT 1 answered by a bare `node:http` server (bench/plain-http.ts): the floor under the floor. */
export function plainHttpScenario(origin: string): Scenario {
  return {
    name: "reference: plain node:http + pg (SELECT 1), no framework",
    path: "/",
    origin,
    bare: selectOne,
    plans: [],
    target: null,
  };
}
