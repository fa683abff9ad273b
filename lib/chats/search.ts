import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";

/**
 * Chat search: substrings of titles and phones (trigram indexes) and words of message texts
 * (full text, Russian and English stemming). Two plans, chosen by the planner's own estimate
 * of how many rows match:
 * - few matches: collect the matching chat ids first, then page through them by activity;
 * - many matches (a common word): walk the chats newest first and stop at a page's worth,
 *   checking each chat's messages through its own index. Collecting every match of a word in
 *   2,000,000 messages would take seconds; a page of chats that mention it takes milliseconds.
 */
export type SearchMode = "candidates" | "walk";

/** Above this many estimated matching rows, walking the newest chats is cheaper than collecting matches. */
const WALK_ABOVE_ROWS = 3000;

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

function matchingChatIdsSql(terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`SELECT m.chat_id FROM messages m WHERE m.search_vector @@ ${textQuery(terms)}
    UNION SELECT s.id FROM chats s WHERE ${titleOrPhone("s", terms)}`;
}

/** The planner's estimate of matching rows (planning only, no execution: well under a millisecond). */
export function searchEstimateSql(q: string): Prisma.Sql {
  return Prisma.sql`EXPLAIN (FORMAT JSON) ${matchingChatIdsSql(termsOf(q))}`;
}

export type SearchEstimateRow = { "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> };

export function searchModeFor(estimate: SearchEstimateRow | undefined): SearchMode {
  return (estimate?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0) > WALK_ABOVE_ROWS ? "walk" : "candidates";
}

export async function chooseSearchMode(client: DbClient, q: string): Promise<SearchMode> {
  const [row] = await client.$queryRaw<SearchEstimateRow[]>(searchEstimateSql(q));
  return searchModeFor(row);
}

/** The condition on chat `c` for a search, in the chosen mode. */
export function searchCondition(q: string, mode: SearchMode): Prisma.Sql {
  const terms = termsOf(q);
  if (mode === "candidates") return Prisma.sql`c.id IN (${matchingChatIdsSql(terms)})`;
  // OFFSET 0 keeps the planner from turning the check into one hash of every match (which is
  // exactly the work this mode exists to avoid): each chat is checked on its own, and only
  // until the page is full.
  return Prisma.sql`(${titleOrPhone("c", terms)} OR EXISTS (
    SELECT 1 FROM messages m WHERE m.chat_id = c.id AND m.search_vector @@ ${textQuery(terms)} OFFSET 0))`;
}
