import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { createPrismaClient } from "@/lib/db";
import { startChangeEventPruner } from "@/lib/events/prune";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { startPresenceSweeper } from "@/lib/presence/sweep";
import { startSyncManager } from "@/lib/sync/manager";
import { startSnoozeTimer } from "@/lib/workflow/expire-snoozes";

/**
 * Long-running work beside the HTTP server: provider sync, outbox delivery, pruning of old change
 * events, reopening snoozed chats and ending timed-out presence. Every instance runs it; Postgres
 * decides which instance owns which connection (sync), which action (outbox) and which snoozed
 * chat, so instances can come and go.
 */
export type BackgroundOptions = { databaseUrl: string; pollIntervalMs: number; appUrl?: string };

export async function startBackgroundWork(options: BackgroundOptions): Promise<{ stop: () => Promise<void> }> {
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const prisma = createPrismaClient(options.databaseUrl, 8);
  const sync = startSyncManager({
    prisma,
    databaseUrl: options.databaseUrl,
    instanceId,
    pollIntervalMs: options.pollIntervalMs,
    appUrl: options.appUrl,
  });
  const outbox = startOutboxWorker({ prisma, instanceId, databaseUrl: options.databaseUrl });
  const pruner = startChangeEventPruner({ prisma });
  const snoozes = startSnoozeTimer({ prisma, instanceId });
  const presence = startPresenceSweeper({ prisma });
  return {
    stop: async () => {
      await Promise.all([sync.stop(), outbox.stop(), pruner.stop(), snoozes.stop(), presence.stop()]);
      await prisma.$disconnect();
    },
  };
}
