import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/**
 * Chat search: substrings of titles and phones (trigram indexes) and words of message texts
 * (full text, Russian and English stemming). Each half gets its own plan, chosen from the
 * planner's estimate of how many rows it matches:
 * - titles matching few chats are collected through their index; matching many (a common
 *   name), they are checked inline while walking the chats newest first, which stops at a
 *   page's worth;
 * - words in few messages are collected (a hash of chat ids); in very many (a common word),
 *   each walked chat is checked through its own messages instead. Collecting every match of a
 *   word in 2,000,000 messages would take seconds; a page of chats that mention it takes
 *   milliseconds.
 * When both halves are collected, the matches are simply sorted by activity.
 */
export type SearchPlan = { titles: "collected" | "inline"; messages: "collected" | "per-chat" };

export const SEARCH_PLANS: SearchPlan[] = [
  { titles: "collected", messages: "collected" },
  { titles: "inline", messages: "collected" },
  { titles: "collected", messages: "per-chat" },
  { titles: "inline", messages: "per-chat" },
];

/** Above this many estimated matching chats, checking titles while walking beats collecting them. */
const TITLES_INLINE_ABOVE = 3000;
/**
 * Above this many estimated matching messages, checking each walked chat beats collecting them.
 * Higher than the titles' bound: a word the statistics do not know is guessed at 0.5% of all
 * messages, and such words are usually rare.
 */
const MESSAGES_PER_CHAT_ABOVE = 20_000;

type SearchTerms = { q: string; pattern: string; digits: string | null };

/** Turns free text into a LIKE pattern that matches it literally anywhere. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function termsOf(q: string): SearchTerms {
  const digits = q.replace(/\D/g, "");
  // "+7 (900) 123" should find "+79001234567": compare digits when the query is mostly digits.
  const isPhoneLike = digits.length >= 3 && digits.length >= q.replace(/[\s()+-]/g, "").length;
  return { q, pattern: containsPattern(q), digits: isPhoneLike ? containsPattern(digits) : null };
}

function titleOrPhone(alias: string, terms: SearchTerms): Prisma.Sql {
  const table = Prisma.raw(alias);
  const digits = terms.digits ? Prisma.sql`OR ${table}.phone LIKE ${terms.digits}` : Prisma.empty;
  return Prisma.sql`(${table}.title ILIKE ${terms.pattern} OR ${table}.phone ILIKE ${terms.pattern} ${digits})`;
}

const textQuery = (terms: SearchTerms) => Prisma.sql`websearch_to_tsquery('russian', ${terms.q})`;

function titleMatchesSql(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`SELECT s.id FROM chats s WHERE ${titleOrPhone("s", terms)}`;
}

function messageMatchesSql(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`SELECT m.chat_id FROM messages m WHERE m.search_vector @@ ${textQuery(terms)}`;
}

/** The planner's estimates of matching titles and messages (planning only: well under a millisecond each). */
export function searchEstimateSqls(q: string): { titles: Prisma.Sql; messages: Prisma.Sql } {
  const terms = termsOf(q);
  return {
    titles: Prisma.sql`EXPLAIN (FORMAT JSON) ${titleMatchesSql(terms)}`,
    messages: Prisma.sql`EXPLAIN (FORMAT JSON) ${messageMatchesSql(terms)}`,
  };
}

export type SearchEstimateRow = { "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> };

const estimatedRows = (row: SearchEstimateRow | undefined) => row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;

export function searchPlanFor(titles: SearchEstimateRow | undefined, messages: SearchEstimateRow | undefined) {
  return {
    titles: estimatedRows(titles) > TITLES_INLINE_ABOVE ? "inline" : "collected",
    messages: estimatedRows(messages) > MESSAGES_PER_CHAT_ABOVE ? "per-chat" : "collected",
  } satisfies SearchPlan;
}

export async function chooseSearchPlan(client: DbClient, q: string): Promise<SearchPlan> {
  const estimates = searchEstimateSqls(q);
  const [[titles], [messages]] = await Promise.all([
    client.$queryRaw<SearchEstimateRow[]>(estimates.titles),
    client.$queryRaw<SearchEstimateRow[]>(estimates.messages),
  ]);
  return searchPlanFor(titles, messages);
}

/** The condition on chat `c` for a search, in the chosen plan. */
export function searchCondition(q: string, plan: SearchPlan): Prisma.Sql {
  const terms = termsOf(q);
  if (plan.titles === "collected" && plan.messages === "collected") {
    return Prisma.sql`c.id IN (${titleMatchesSql(terms)} UNION ${messageMatchesSql(terms)})`;
  }
  const titles = plan.titles === "inline" ? titleOrPhone("c", terms) : Prisma.sql`c.id IN (${titleMatchesSql(terms)})`;
  // OFFSET 0 keeps the planner from turning the check into one hash of every match (which is
  // exactly the work this plan exists to avoid): each chat is checked on its own, and only
  // until the page is full.
  const messages =
    plan.messages === "collected"
      ? Prisma.sql`c.id IN (${messageMatchesSql(terms)})`
      : Prisma.sql`EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id AND m.search_vector @@ ${textQuery(terms)} OFFSET 0)`;
  return Prisma.sql`(${titles} OR ${messages})`;
}
