import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

const BIG_TABLES = new Set(["chats", "messages", "reactions", "attachments", "participants"]);

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function fullScans(node: PlanNode, into: string[]): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG_TABLES.has(node["Relation Name"])) {
    into.push(node["Relation Name"]);
  }
  for (const child of node.Plans ?? []) fullScans(child, into);
  return into;
}

/** The big tables a statement's plan reads from end to end (empty: every read uses an index). */
export async function tablesScannedWhole(client: pg.Client, sql: Prisma.Sql): Promise<string[]> {
  const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
    `EXPLAIN (FORMAT JSON) ${sql.text}`,
    sql.values as unknown[],
  );
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  return plan ? fullScans(plan, []) : [];
}
