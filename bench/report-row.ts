// The team report's bench row on its own: `npx tsx --import ./lib/server/resolve-server-only.ts bench/report-row.ts
// [--scale N] [--runs 50] [--endpoint] [--hold]`. Reuses the seeded benchmark database (seed it once with
// `npm run bench -- --quick`), times each of the 30-day report's statements and the whole report on a bare
// `pg` client (p50/p95 over --runs), and with --endpoint also GET /api/reports on the production server at
// one connection. --hold keeps the database up and prints its URL (for psql / EXPLAIN ANALYZE).
import pg from "pg";
import { startBenchApp } from "./bench-app";
import { benchDatabase } from "./bench-database";
import { loadEndpoint } from "./http-load";
import { buildScenarios } from "./scenarios";
import { benchSize } from "./seed";
import { loadSql } from "./sql-load";
import { percentile, summarizeRuns } from "./stats";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(name);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const SCALE = option("--scale", 1);
const RUNS = option("--runs", 50);
const say = (line: string) => process.stdout.write(`${line}\n`);

const database = await benchDatabase({ reseed: false, scale: SCALE, size: benchSize(SCALE) }, say);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  if (argv.includes("--hold")) {
    say(`psql ${database.url}`);
    await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  } else {
    const { scenarios } = await buildScenarios(client, { userId: "bench-agent-1" });
    const report = scenarios.find((scenario) => scenario.name.startsWith("team report"));
    if (!report) throw new Error("No team report scenario");
    if (argv.includes("--explain")) {
      for (const sql of report.plans) {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
        say(`\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
      }
    }
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const t0 = process.hrtime.bigint();
      await report.bare(client);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    for (const [index, sql] of report.plans.entries()) {
      const each: number[] = [];
      for (let run = 0; run < Math.min(RUNS, 20); run += 1) {
        const t0 = process.hrtime.bigint();
        await client.query(sql.text, sql.values as unknown[]);
        each.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      each.sort((a, b) => a - b);
      say(
        `statement ${index + 1}: p50 ${percentile(each, 50).toFixed(1)} ms, p95 ${percentile(each, 95).toFixed(1)} ms`,
      );
    }
    say(
      `bare SQL, ${RUNS} runs: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
    if (argv.includes("--endpoint")) {
      const { app, cookie } = await startBenchApp(database.url);
      try {
        const url = `${app.url}${report.path}`;
        await loadEndpoint({ url, cookie, connections: 1, durationSec: 1 });
        const endpointRuns = [];
        const bareRuns = [];
        for (let slice = 0; slice < 4; slice += 1) {
          endpointRuns.push(await loadEndpoint({ url, cookie, connections: 1, durationSec: 2 }));
          bareRuns.push(await loadSql({ databaseUrl: database.url, run: report.bare, connections: 1, durationSec: 2 }));
        }
        const endpoint = summarizeRuns(endpointRuns);
        const bare = summarizeRuns(bareRuns);
        say(
          `endpoint @1: p50 ${endpoint.p50.toFixed(1)} p95 ${endpoint.p95.toFixed(1)} ms (${endpoint.count} requests, ` +
            `${endpoint.errors} errors); bare p50 ${bare.p50.toFixed(1)} p95 ${bare.p95.toFixed(1)} ms (${bare.count} runs)`,
        );
      } finally {
        await app.stop();
      }
    }
  }
} finally {
  await client.end();
  await database.stop();
}
