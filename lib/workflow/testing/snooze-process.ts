/**
 * One app instance's snooze timer and nothing else, in a process of its own, for the test that
 * runs two of them on one database. Env: DATABASE_URL, SNOOZE_INSTANCE_ID, SNOOZE_INTERVAL_MS.
 * Logs (debug) every batch of chats it reopened; stops on SIGTERM.
 */
import { createPrismaClient } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { startSnoozeTimer } from "@/lib/workflow/expire-snoozes";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
const prisma = createPrismaClient(databaseUrl, 4);
const timer = startSnoozeTimer({
  prisma,
  instanceId: process.env.SNOOZE_INSTANCE_ID ?? `snooze-process-${process.pid}`,
  intervalMs: Number(process.env.SNOOZE_INTERVAL_MS ?? 50),
});
componentLogger("snoozes").info("snooze timer running");

process.once("SIGTERM", () => {
  void timer
    .stop()
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
});
