import { rm } from "node:fs/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/server/embedded-postgres";

export const TEMPLATE_DATABASE = "inbox_template";

/**
 * Starts the test suite's own embedded PostgreSQL (its own data folder, fsync off) and
 * migrates a template database that each test file clones (lib/testing/db.ts).
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** lib/testing/db.ts's way to the test server. */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const preferred = ".data/test";
  let database: EmbeddedDatabase;
  let throwaway: string | null = null;
  try {
    database = await startEmbeddedPostgres({ dataDir: preferred, durable: false });
  } catch (error) {
    if (!String(error).includes("in use by another running instance")) throw error;
    // Another test run owns the usual folder: use a private one for this run.
    throwaway = `${preferred}-${process.pid}`;
    database = await startEmbeddedPostgres({ dataDir: throwaway, durable: false });
  }
  const adminUrl = database.url.replace(/\/[^/]+$/, "/postgres");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await admin.end();
  await migrate(database.url.replace(/\/[^/]+$/, `/${TEMPLATE_DATABASE}`));
  project.provide("postgresAdminUrl", adminUrl);
  return async () => {
    await database.stop();
    if (throwaway) await rm(throwaway, { recursive: true, force: true });
  };
}
