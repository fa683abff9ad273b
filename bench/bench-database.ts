import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { type BenchSize, seedBenchData } from "./seed";

/** Scale 1 keeps the folder it always had; other scales get their own. */
const dataDirOf = (scale: number) => (scale === 1 ? ".data/bench" : `.data/bench-x${scale}`);

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
export async function benchDatabase(
  options: { reseed: boolean; scale: number; size: BenchSize },
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  const { reseed, scale, size } = options;
  const database = await startEmbeddedPostgres({ dataDir: dataDirOf(scale), durable: false });
  if (!reseed && (await countChats(database.url)) === size.chats) {
    await migrate(database.url);
    log("Reusing the seeded benchmark database (pass --reseed to rebuild it).");
    return database;
  }
  log(`Seeding ${size.chats.toLocaleString("en")} chats and ${size.messages.toLocaleString("en")} messages…`);
  const started = Date.now();
  await resetSchema(database.url);
  await migrate(database.url);
  await seedBenchData(database.url, size, log);
  log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return database;
}
