/**
 * One app instance's snooze timer and nothing else, in a process of its own, for the test that
 * runs two of them on one database. Configured like the app (DATABASE_URL, LOG_LEVEL), plus one
 * argument: JSON `{ instanceId, intervalMs }`. Logs (debug) every batch of chats it reopened;
 * stops on SIGTERM.
 */
import { createPrismaClient } from "@/lib/db";
import { env } from "@/lib/env";
import { componentLogger } from "@/lib/logger";
import { provideRuntime } from "@/lib/runtime";
import { startSnoozeTimer } from "@/lib/workflow/expire-snoozes";

const databaseUrl = env().DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
provideRuntime({ databaseUrl });
const test = JSON.parse(process.argv[2] ?? "{}") as { instanceId?: string; intervalMs?: number };
const prisma = createPrismaClient(databaseUrl, 4);
const timer = startSnoozeTimer({
  prisma,
  instanceId: test.instanceId ?? `snooze-process-${process.pid}`,
  intervalMs: test.intervalMs ?? 50,
});
componentLogger("snoozes").info("snooze timer running");

process.once("SIGTERM", () => {
  void timer
    .stop()
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
});
