import pg from "pg";
import { type LatencyStats, summarize } from "./stats";

export type BareQuery = { text: string; values: unknown[] };

/**
 * The same load as an endpoint's, on the SQL alone: `connections` clients each run the
 * endpoint's statements back to back for `durationSec`, timing each run with hrtime.
 */
export async function loadSql(options: {
  databaseUrl: string;
  queries: () => BareQuery[];
  connections: number;
  durationSec: number;
}): Promise<LatencyStats> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const deadline = started + options.durationSec * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          for (const query of options.queries()) await client.query(query.text, query.values);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  return summarize(latencies, Date.now() - started, errors);
}
