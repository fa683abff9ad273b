import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client.ts";
import { processSingleton } from "@/lib/process-singleton";
import { runtimeDatabaseUrl } from "@/lib/runtime";

export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`. */
export type DbTransaction = Prisma.TransactionClient;
/** Either: service verbs accept both so callers can compose them in one transaction. */
export type DbClient = Db | DbTransaction;

/** Each client's connection pool, shared by Prisma and the direct reads of `readRows`. */
const pools = new WeakMap<object, pg.Pool>();

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // Prisma ends the pool when the client disconnects.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * The rows of one read statement, sent through `pg` on the client's own pool when there is one
 * (not inside a transaction): the hottest pages (the chat list, a thread) skip Prisma's raw-query
 * mapping, which cost more than our own code in the profile (bench/profile.md). Only for
 * statements whose columns `pg` and Prisma read alike: int4, text, boolean, timestamptz, json.
 */
export async function readRows<Row>(client: DbClient, sql: Prisma.Sql): Promise<Row[]> {
  const pool = pools.get(client);
  if (!pool) return client.$queryRaw<Row[]>(sql);
  return (await pool.query<Row & pg.QueryResultRow>(sql.text, sql.values)).rows;
}

/**
 * The process-wide client, created on first use: `next build` imports route modules
 * without a database, so nothing may connect at import time.
 */
export function db(): PrismaClient {
  return processSingleton("prisma-client", () => createPrismaClient(runtimeDatabaseUrl()));
}
