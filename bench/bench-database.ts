import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { BENCH_SIZE, seedBenchData } from "./seed";

export const BENCH_DATA_DIR = ".data/bench";

async function countChats(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM chats WHERE connection_id IN (SELECT id FROM connections WHERE slug LIKE 'env:%')",
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.end();
}

/**
 * The benchmark's own embedded PostgreSQL (its own data folder), seeded once: a later run
 * reuses the data unless `reseed` is asked for or the data set is incomplete.
 */
export async function benchDatabase(reseed: boolean, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const database = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, durable: false });
  if (!reseed && (await countChats(database.url)) === BENCH_SIZE.chats) {
    await migrate(database.url);
    log("Reusing the seeded benchmark database (pass --reseed to rebuild it).");
    return database;
  }
  log(
    `Seeding ${BENCH_SIZE.chats.toLocaleString("en")} chats and ${BENCH_SIZE.messages.toLocaleString("en")} messages…`,
  );
  const started = Date.now();
  await resetSchema(database.url);
  await migrate(database.url);
  await seedBenchData(database.url, log);
  log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return database;
}
