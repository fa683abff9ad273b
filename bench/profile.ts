// `npm run bench:profile`: where one page's time goes. Starts the production server on the
// benchmark database (seeded by `npm run bench`) with the V8 inspector on, puts one connection of
// load on each profiled page, samples the server's CPU during exactly that load, and writes
// bench/profile.md: CPU per request by part of the stack (ours, Next.js, Prisma, pg, Better Auth,
// zod, Node.js), the functions that take most, and the database transactions per request.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { freePort } from "@/lib/server/free-port";
import { startBenchApp } from "./bench-app";
import { benchDatabase } from "./bench-database";
import { type ProfileSummary, summarizeProfile } from "./cpu-profile";
import { loadEndpoint } from "./http-load";
import { connectInspector } from "./inspector";
import { buildScenarios } from "./scenarios";
import { benchSize } from "./seed";
import { summarizeRuns } from "./stats";

const SECONDS = Number(process.argv.find((arg) => arg.startsWith("--seconds="))?.split("=")[1] ?? 10);
const PROFILED = [
  "chat list, first page",
  "view: Mine (one agent's chats, 1 in 20)",
  "thread, newest page (100,000-message chat)",
  "unread counts",
  "framework floor: /api/health (SELECT 1, no session)",
];

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Transactions committed in the benchmark database so far, once every backend has reported. */
async function commits(client: pg.Client): Promise<number> {
  // Backends report their counts when idle, at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await client.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await client.query<{ n: string }>(
    "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()",
  );
  return Number(rows[0]?.n ?? 0);
}

type Profiled = { name: string; path: string; requests: number; p50: number; transactions: number } & ProfileSummary;

const ms = (value: number) => value.toFixed(value < 0.1 ? 3 : 2);

function report(results: Profiled[], startedAt: Date): string {
  const lines = [
    "# Where a page's time goes",
    "",
    `Profiled on ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus().length} cores · Node ${process.version} · ` +
      `${SECONDS} s of one-connection load per page on the benchmark data (100,000 chats, 2,000,000 messages). ` +
      "`npm run bench:profile` writes this file. CPU time is the server process's, sampled every 100 µs by V8 " +
      "during the load only, attributed to the original sources through the build's source maps (self time: a " +
      "function's own work, not its callees'). Transactions are the database's committed transactions per request; " +
      "each statement outside an explicit transaction is one, so this counts round trips.",
    "",
    "| Page | requests | p50 ms | CPU ms / request | transactions / request |",
    "|---|---:|---:|---:|---:|",
    ...results.map(
      (result) =>
        `| ${result.name} | ${result.requests} | ${ms(result.p50)} | ${ms(result.cpuMsPerRequest)} | ${result.transactions.toFixed(2)} |`,
    ),
  ];
  for (const result of results) {
    lines.push(
      "",
      `## ${result.name}`,
      "",
      `\`GET ${result.path}\``,
      "",
      "| Part of the stack | CPU ms / request | share |",
      "|---|---:|---:|",
      ...result.byCategory
        .filter((part) => part.share >= 0.005)
        .map((part) => `| ${part.category} | ${ms(part.msPerRequest)} | ${(part.share * 100).toFixed(1)}% |`),
      "",
      "| Function (self time) | part | CPU ms / request |",
      "|---|---|---:|",
      ...result.topFunctions.map(
        (fn) => `| \`${fn.where.replaceAll("|", "\\|")}\` | ${fn.category} | ${ms(fn.msPerRequest)} |`,
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function main() {
  const startedAt = new Date();
  const database = await benchDatabase({ reseed: false, scale: 1, size: benchSize(1) }, say);
  const inspectPort = await freePort();
  const { app, cookie } = await startBenchApp(database.url, { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const inspector = await connectInspector(inspectPort);
  try {
    const viewer = await client.query<{ id: string }>(
      "SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1",
    );
    const { scenarios } = await buildScenarios(client, { userId: viewer.rows[0]?.id ?? "" });
    const results: Profiled[] = [];
    for (const name of PROFILED) {
      const scenario = scenarios.find((candidate) => candidate.name === name);
      if (!scenario) throw new Error(`No scenario "${name}"`);
      const url = `${app.url}${scenario.path}`;
      await loadEndpoint({ url, cookie, connections: 1, durationSec: 2 });
      const before = await commits(client);
      const { result: samples, profile } = await inspector.profile(() =>
        loadEndpoint({ url, cookie, connections: 1, durationSec: SECONDS }),
      );
      // Our own two statements per reading (the snapshot reset and the count) are not the app's.
      const transactions = (await commits(client)) - before - 2;
      const stats = summarizeRuns([samples]);
      const summary = summarizeProfile(profile, stats.count);
      results.push({
        name,
        path: scenario.path,
        requests: stats.count,
        p50: stats.p50,
        transactions: transactions / stats.count,
        ...summary,
      });
      say(`${name}: ${stats.count} requests, p50 ${ms(stats.p50)} ms, CPU ${ms(summary.cpuMsPerRequest)} ms/request`);
    }
    const text = report(results, startedAt);
    await writeFile("bench/profile.md", text);
    say(`\n${text}`);
  } finally {
    inspector.close();
    await client.end();
    await app.stop();
    await database.stop();
  }
}

await main();
