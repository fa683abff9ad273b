/**
 * One app instance's sync and nothing else, in a process of its own, for tests that kill it
 * or run two of them against one database. Started with tsx by `startSyncChild`.
 * Configured like the app (DATABASE_URL, INBOX_SECRET_KEY, SYNC_POLL_INTERVAL_MS, LOG_LEVEL), plus
 * one argument: JSON `{ instanceId, tuning }`.
 */
import { createPrismaClient } from "@/lib/db";
import { env } from "@/lib/env";
import { provideRuntime } from "@/lib/runtime";
import { startSyncManager } from "@/lib/sync/manager";
import type { SyncTuning } from "@/lib/sync/tuning";

const config = env();
const databaseUrl = config.DATABASE_URL;
if (!databaseUrl || !config.INBOX_SECRET_KEY) throw new Error("DATABASE_URL and INBOX_SECRET_KEY are required");
provideRuntime({ databaseUrl, secretKey: config.INBOX_SECRET_KEY });
const test = JSON.parse(process.argv[2] ?? "{}") as { instanceId?: string; tuning?: Partial<SyncTuning> };
const prisma = createPrismaClient(databaseUrl, 8);
const manager = startSyncManager({
  prisma,
  databaseUrl,
  instanceId: test.instanceId ?? `sync-process-${process.pid}`,
  pollIntervalMs: config.SYNC_POLL_INTERVAL_MS,
  tuning: test.tuning ?? {},
});

process.once("SIGTERM", () => {
  void manager
    .stop()
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
});
