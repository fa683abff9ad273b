import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { adminUrl } from "@/lib/testing/db";

let name: string;
let url: string;
const admin = () => new pg.Client({ connectionString: adminUrl() });

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  name = `migrate_${randomBytes(5).toString("hex")}`;
  const client = admin();
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  url = adminUrl().replace(/\/[^/]+$/, `/${name}`);
});

afterEach(async () => {
  const client = admin();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
});

describe("migrate", () => {
  it("applies every migration once even when several instances start together", async () => {
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliedByAnyone = results.flatMap((result) => result.applied);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(appliedByAnyone).size).toBe(appliedByAnyone.length);
    expect(appliedByAnyone.sort()).toEqual(rows.map((row) => row.migration_name).sort());
    expect(rows.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    expect((await migrate(url)).applied).toEqual([]);
  });

  it("rolls a failing migration back completely and says which one failed", async () => {
    const dir = path.join(os.tmpdir(), `migrations-${randomBytes(4).toString("hex")}`);
    await mkdir(path.join(dir, "001_good"), { recursive: true });
    await mkdir(path.join(dir, "002_bad"), { recursive: true });
    await writeFile(path.join(dir, "001_good", "migration.sql"), "CREATE TABLE good (id int);");
    await writeFile(
      path.join(dir, "002_bad", "migration.sql"),
      "CREATE TABLE half (id int); SELECT * FROM missing_table;",
    );
    await expect(migrate(url, dir)).rejects.toThrow(/002_bad failed and was rolled back/);
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((table) => table.table_name).sort()).toEqual(["_prisma_migrations", "good"]);
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = path.join(os.tmpdir(), `migrations-${randomBytes(4).toString("hex")}`);
    await mkdir(path.join(dir, "001_first"), { recursive: true });
    await writeFile(path.join(dir, "001_first", "migration.sql"), "CREATE TABLE first (id int);");
    await migrate(url, dir);
    await writeFile(path.join(dir, "001_first", "migration.sql"), "CREATE TABLE first (id bigint);");
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
    await rm(dir, { recursive: true, force: true });
  });
});
