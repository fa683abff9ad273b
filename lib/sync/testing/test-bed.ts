import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { startSyncManager } from "@/lib/sync/manager";
import { FAST_TUNING } from "@/lib/sync/testing/tuning";
import type { SyncTuning } from "@/lib/sync/tuning";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

export type SyncTestBed = {
  /** The file's own migrated database (set before the first test). */
  readonly database: TestDatabase;
  /** Runs `cleanup` after the current test, newest first (stop a manager before closing its fake). */
  afterThisTest: (cleanup: () => Promise<void>) => void;
  /** Starts an instance's sync on the bed's database with the fast test tuning; stopped after the test at the latest. */
  startSync: (
    instanceId: string,
    options?: { pollIntervalMs?: number; tuning?: Partial<SyncTuning>; appUrl?: string },
  ) => { stop: () => Promise<void> };
  /** Waits until the connection's first full sync is over. */
  backfilled: (connectionId: string, timeoutMs: number) => Promise<void>;
};

/**
 * The lifecycle every sync test file shares: a database of its own for the file, and what a test
 * started (fakes, managers, child processes) stopped after it.
 */
export function syncTestBed(): SyncTestBed {
  let database: TestDatabase | undefined;
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await database?.drop();
  });
  const bed: SyncTestBed = {
    get database() {
      if (!database) throw new Error("The test database exists only once the tests run");
      return database;
    },
    afterThisTest: (cleanup) => {
      cleanups.push(cleanup);
    },
    startSync: (instanceId, options = {}) => {
      const manager = startSyncManager({
        prisma: bed.database.prisma,
        databaseUrl: bed.database.url,
        instanceId,
        pollIntervalMs: options.pollIntervalMs ?? 60_000,
        appUrl: options.appUrl,
        tuning: { ...FAST_TUNING, ...options.tuning },
      });
      bed.afterThisTest(() => manager.stop());
      return manager;
    },
    backfilled: async (connectionId, timeoutMs) => {
      await vi.waitFor(
        async () => {
          const connection = await bed.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
          expect(connection.backfillDoneAt, "the backfill is over").not.toBeNull();
        },
        { timeout: timeoutMs, interval: 100 },
      );
    },
  };
  return bed;
}
