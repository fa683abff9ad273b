import type { Db, DbTransaction } from "@/lib/db";

/** Big batches take longer than Prisma's 5 s default for an interactive transaction. */
const TRANSACTION_TIMEOUT_MS = 120_000;
const MAX_WAIT_MS = 30_000;
const ATTEMPTS = 4;

/** Unique violations, serialization failures and deadlocks: another writer got there first. */
const CONFLICT_CODES = new Set(["23505", "40001", "40P01"]);

function conflictCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, meta, cause } = error as { code?: unknown; meta?: { code?: unknown }; cause?: unknown };
  for (const candidate of [code, meta?.code]) {
    if (typeof candidate === "string" && CONFLICT_CODES.has(candidate)) return candidate;
  }
  if (code === "P2002" || code === "P2034") return String(code);
  const text = error instanceof Error ? error.message : "";
  const found = /\b(23505|40001|40P01)\b/.exec(text);
  if (found) return found[1] ?? null;
  return cause ? conflictCode(cause) : null;
}

/**
 * Runs an ingest step in one transaction, again from the start when it collided with a
 * concurrent writer (the outbox renaming a pending message, another instance's refresh of the
 * same chat): the next attempt sees their committed rows and merges with them.
 */
export async function inIngestTransaction<T>(prisma: Db, work: (tx: DbTransaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(work, { timeout: TRANSACTION_TIMEOUT_MS, maxWait: MAX_WAIT_MS });
    } catch (error) {
      if (attempt >= ATTEMPTS || conflictCode(error) === null) throw error;
    }
  }
}
