import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client.ts";
import { processSingleton } from "@/lib/process-singleton";
import { runtimeDatabaseUrl } from "@/lib/runtime";

export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`. */
export type DbTransaction = Prisma.TransactionClient;
/** Either: service verbs accept both so callers can compose them in one transaction. */
export type DbClient = Db | DbTransaction;

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}

/**
 * The process-wide client, created on first use: `next build` imports route modules
 * without a database, so nothing may connect at import time.
 */
export function db(): PrismaClient {
  return processSingleton("prisma-client", () => createPrismaClient(runtimeDatabaseUrl()));
}
