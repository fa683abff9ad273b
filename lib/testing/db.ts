import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";

export type TestDatabase = { url: string; prisma: Db; drop: () => Promise<void> };

/** The test server's `postgres` database as its superuser, handed over by lib/testing/global-setup.ts. */
export function adminUrl(): string {
  return inject("postgresAdminUrl");
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, fully migrated database of its own (a clone of the template), on the real test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await asAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE inbox_template`));
  const url = adminUrl().replace(/\/[^/]+$/, `/${name}`);
  const prisma = createPrismaClient(url, 5);
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
