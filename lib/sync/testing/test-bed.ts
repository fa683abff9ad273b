import { afterAll, afterEach, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

export type SyncTestBed = {
  /** The file's own migrated database (set before the first test). */
  readonly database: TestDatabase;
  /** Runs `cleanup` after the current test, newest first (stop a manager before closing its fake). */
  afterThisTest: (cleanup: () => Promise<void>) => void;
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
  return {
    get database() {
      if (!database) throw new Error("The test database exists only once the tests run");
      return database;
    },
    afterThisTest: (cleanup) => {
      cleanups.push(cleanup);
    },
  };
}
