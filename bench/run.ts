// `npm run bench`: seeds (once) a separate embedded database with 100,000 chats and 2,000,000
// messages, starts the production server on it, and measures every page the inbox serves
// against the bare SQL behind it, live updates, provider sync and a real browser. Writes
// bench/results.md and prints the same table. Flags: --reseed, --quick (shorter load runs),
// --scale N (N times the data in its own database; measures the endpoints at 1 connection and
// writes a section of bench/results.md with each row's growth from scale 1).
import os from "node:os";
import pg from "pg";
import { BENCH_EMAIL, BENCH_PASSWORD, startBenchApp } from "./bench-app";
import { benchDatabase } from "./bench-database";
import { measureBrowser } from "./browser";
import { tablesScannedWhole } from "./explain";
import { loadEndpoint } from "./http-load";
import { startPlainHttpServer } from "./plain-http";
import { measurePresenceLatency } from "./presence-latency";
import { type EndpointRow, presenceSection, sseSection, syncSection, writeReport, writeScaleSection } from "./report";
import { buildScenarios, plainHttpScenario } from "./scenarios";
import { benchSize, seedFailedSends, seedTeamWork } from "./seed";
import { loadSql } from "./sql-load";
import { measureSseLatency } from "./sse-latency";
import { type Samples, summarizeRuns } from "./stats";
import { measureSyncThroughput } from "./sync-throughput";

const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--scale 10` or `--scale=10`. */
function scaleArgument(): number {
  const inline = argv.find((arg) => arg.startsWith("--scale="))?.split("=")[1];
  const value = Number(inline ?? (args.has("--scale") ? argv[argv.indexOf("--scale") + 1] : 1));
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw new Error("--scale takes a whole number from 1 to 100");
  return value;
}
const SCALE = scaleArgument();
const DURATION_SEC = args.has("--quick") ? 4 : 8;
/** Each load is split into this many slices, alternating endpoint and bare SQL. */
const SLICES = 4;
/** A larger scale is about growth, which one connection shows. */
const CONNECTIONS = SCALE === 1 ? [1, 10] : [1];

const say = (line: string) => process.stdout.write(`${line}\n`);

async function databaseBytes(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
  return Number(rows[0]?.bytes ?? 0);
}

async function main() {
  const startedAt = new Date();
  const size = benchSize(SCALE);
  const database = await benchDatabase({ reseed: args.has("--reseed"), scale: SCALE, size }, say);
  const { app, cookie } = await startBenchApp(database.url);
  const plainHttp = await startPlainHttpServer(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const viewer = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [BENCH_EMAIL]);
    const userId = viewer.rows[0]?.id;
    if (!userId) throw new Error(`No user ${BENCH_EMAIL} after signing in`);
    await seedTeamWork(client, userId, say);
    await seedFailedSends(client, say);
    const { scenarios: appScenarios, bigChatId } = await buildScenarios(client, { userId });
    const scenarios = [...appScenarios, plainHttpScenario(plainHttp.url)];
    const floorScenario = appScenarios.find((scenario) => scenario.floor);
    const rows: EndpointRow[] = [];
    for (const scenario of scenarios) {
      // One plan at a time: a pg client runs one query at once.
      const scanned = new Set<string>();
      for (const sql of scenario.plans) for (const table of await tablesScannedWhole(client, sql)) scanned.add(table);
      const fullScans = [...scanned];
      const url = `${scenario.origin ?? app.url}${scenario.path}`;
      await loadEndpoint({ url, cookie, connections: 1, durationSec: 1 });
      // A page's own framework floor runs in its slices too: a noisy moment then weighs on both alike.
      const floorUrl =
        scenario.target?.maxOurShareMs != null && floorScenario ? `${app.url}${floorScenario.path}` : null;
      for (const connections of CONNECTIONS) {
        // Alternating slices, so the endpoint and its SQL share whatever else the machine is doing.
        const endpointRuns: Samples[] = [];
        const bareRuns: Samples[] = [];
        const floorRuns: Samples[] = [];
        for (let slice = 0; slice < SLICES; slice += 1) {
          const durationSec = DURATION_SEC / SLICES;
          endpointRuns.push(await loadEndpoint({ url, cookie, connections, durationSec }));
          bareRuns.push(await loadSql({ databaseUrl: database.url, run: scenario.bare, connections, durationSec }));
          if (floorUrl) floorRuns.push(await loadEndpoint({ url: floorUrl, cookie: "", connections, durationSec }));
        }
        const endpoint = summarizeRuns(endpointRuns);
        const bare = summarizeRuns(bareRuns);
        const floor = floorUrl ? summarizeRuns(floorRuns) : undefined;
        rows.push({ scenario, connections, endpoint, bare, floor, fullScans });
        say(
          `${scenario.name} @${connections}: p50 ${endpoint.p50.toFixed(1)} p95 ${endpoint.p95.toFixed(1)} ms, ` +
            `${endpoint.perSecond.toFixed(0)} req/s; bare p95 ${bare.p95.toFixed(2)} ms`,
        );
      }
    }
    plainHttp.stop();
    const data = { chats: size.chats, messages: size.messages, databaseBytes: await databaseBytes(client) };
    if (SCALE !== 1) {
      say(
        `\n${await writeScaleSection({ scale: SCALE, startedAt, durationSec: DURATION_SEC, data, endpoints: rows })}`,
      );
      return;
    }
    const browser = await measureBrowser({ url: app.url, email: BENCH_EMAIL, password: BENCH_PASSWORD, bigChatId });
    say(
      `browser: inbox ${browser.inboxOpenMs} ms, thread ${browser.threadOpenMs} ms, ${browser.messageNodes} message nodes`,
    );
    const sse = await measureSseLatency(
      { url: app.url, databaseUrl: database.url, email: BENCH_EMAIL, password: BENCH_PASSWORD },
      { clients: 200, messagesPerSec: 50, seconds: args.has("--quick") ? 10 : 30 },
    );
    const presence = await measurePresenceLatency({
      url: app.url,
      cookie,
      chatId: bigChatId,
      clients: 200,
      signals: args.has("--quick") ? 20 : 60,
      perSecond: 4,
    });
    say(`presence: p95 ${presence.p95} ms to ${presence.connected} browsers`);
    // The sync benchmark runs its own providers and database: give it the machine.
    await app.stop();
    const sync = await measureSyncThroughput({ realLimit: !args.has("--quick") });
    const report = await writeReport({
      startedAt,
      data,
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memoryGiB: os.totalmem() / 2 ** 30 },
      durationSec: DURATION_SEC,
      slices: SLICES,
      endpoints: rows,
      browser,
      sections: [sseSection(sse), presenceSection(presence), syncSection(sync)],
    });
    say(`\n${report}`);
  } finally {
    plainHttp.stop();
    await client.end();
    await app.stop();
    await database.stop();
  }
}

await main();
