import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { createPrismaClient } from "@/lib/db";
import { startChangeEventPruner } from "@/lib/events/prune";
import { startOutboxWorker } from "@/lib/outbox/worker";
import { startSyncManager } from "@/lib/sync/manager";

/**
 * Long-running work beside the HTTP server: provider sync, outbox delivery and pruning of old
 * change events. Every instance runs it; Postgres decides which instance owns which connection
 * (sync) and which action (outbox), so instances can come and go.
 */
export type BackgroundOptions = { databaseUrl: string; pollIntervalMs: number };

export async function startBackgroundWork(options: BackgroundOptions): Promise<{ stop: () => Promise<void> }> {
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const prisma = createPrismaClient(options.databaseUrl, 8);
  const sync = startSyncManager({
    prisma,
    databaseUrl: options.databaseUrl,
    instanceId,
    pollIntervalMs: options.pollIntervalMs,
  });
  const outbox = startOutboxWorker({ prisma, instanceId, databaseUrl: options.databaseUrl });
  const pruner = startChangeEventPruner({ prisma });
  return {
    stop: async () => {
      await Promise.all([sync.stop(), outbox.stop(), pruner.stop()]);
      await prisma.$disconnect();
    },
  };
}
