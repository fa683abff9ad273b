/**
 * One app instance's sync and nothing else, in a process of its own, for tests that kill it
 * or run two of them against one database. Started with tsx by `startSyncProcess`.
 * Env: DATABASE_URL, INBOX_SECRET_KEY, SYNC_INSTANCE_ID, SYNC_POLL_INTERVAL_MS, SYNC_TUNING (JSON).
 */
import { createPrismaClient } from "@/lib/db";
import { startSyncManager } from "@/lib/sync/manager";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
const prisma = createPrismaClient(databaseUrl, 8);
const manager = startSyncManager({
  prisma,
  databaseUrl,
  instanceId: process.env.SYNC_INSTANCE_ID ?? `sync-process-${process.pid}`,
  pollIntervalMs: Number(process.env.SYNC_POLL_INTERVAL_MS ?? 60_000),
  tuning: JSON.parse(process.env.SYNC_TUNING ?? "{}"),
});

process.once("SIGTERM", () => {
  void manager
    .stop()
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
});
