import pg from "pg";
import type { Samples } from "./stats";

/**
 * The same load as an endpoint's, on the SQL alone: `connections` clients each run the
 * endpoint's statements back to back for `durationSec`, timing each run with hrtime.
 */
export async function loadSql(options: {
  databaseUrl: string;
  /** The endpoint's statements, in its order. */
  run: (client: pg.Client) => Promise<void>;
  connections: number;
  durationSec: number;
}): Promise<Samples> {
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
          await options.run(client);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  return { latencies, durationMs: Date.now() - started, errors };
}
