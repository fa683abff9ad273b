import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { freePort } from "@/lib/server/free-port";
import { startAppProcess } from "./support/app-process";

// Each test starts real app processes as `npm start` does; they need time on two cores.
test.describe.configure({ mode: "serial", timeout: 240_000 });

async function healthy(url: string) {
  const response = await fetch(`${url}/api/health`);
  expect(response.status).toBe(200);
  const login = await fetch(`${url}/login`);
  expect(login.status).toBe(200);
  expect(await login.text()).toContain("Sign in");
}

test("a server killed with SIGKILL starts again on the same data folder", async () => {
  const testInfo = test.info();
  const dataDir = ".data/e2e-lifecycle";
  await rm(dataDir, { recursive: true, force: true });
  const env = { INBOX_DATA_DIR: dataDir, PORT: String(await freePort()) };

  const coldStart = Date.now();
  const first = await startAppProcess(env);
  const coldMs = Date.now() - coldStart;
  await healthy(first.url);
  await first.stop("SIGKILL");
  // The embedded PostgreSQL server outlives its killed parent and still holds the folder.
  expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(true);

  const warmStart = Date.now();
  const second = await startAppProcess({ ...env, PORT: String(await freePort()) });
  const warmMs = Date.now() - warmStart;
  await healthy(second.url);
  await second.stop("SIGTERM");
  // A clean stop takes PostgreSQL down with it.
  expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

  testInfo.annotations.push({ type: "start times", description: `cold ${coldMs} ms, warm after SIGKILL ${warmMs} ms` });
  process.stdout.write(`    start times: cold ${coldMs} ms, warm after SIGKILL ${warmMs} ms\n`);
});

test("two instances on one DATABASE_URL start together without breaking migrations", async () => {
  const database = await startEmbeddedPostgres({ dataDir: ".data/e2e-shared-db", durable: false });
  try {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    const shared = { DATABASE_URL: database.url, INBOX_SECRET_KEY: "e2e-shared-secret-key-of-at-least-32-chars" };
    const [one, two] = await Promise.all([
      startAppProcess({ ...shared, INBOX_DATA_DIR: ".data/e2e-instance-1", PORT: String(await freePort()) }),
      startAppProcess({ ...shared, INBOX_DATA_DIR: ".data/e2e-instance-2", PORT: String(await freePort()) }),
    ]);
    await healthy(one.url);
    await healthy(two.url);
    const { rows } = await admin.query<{ migration_name: string; n: number }>(
      `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    await admin.end();
    await Promise.all([one.stop(), two.stop()]);
  } finally {
    await database.stop();
  }
});
