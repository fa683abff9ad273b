import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserFigures } from "./browser";
import type { Scenario } from "./scenarios";
import type { SseFigures } from "./sse-latency";
import type { LatencyStats } from "./stats";
import type { SyncFigures } from "./sync-throughput";

export type EndpointRow = {
  scenario: Scenario;
  connections: number;
  endpoint: LatencyStats;
  bare: LatencyStats;
  fullScans: string[];
};

export type Report = {
  startedAt: Date;
  machine: { cores: number; cpu: string; memoryGiB: number };
  durationSec: number;
  /** Slices per load, alternating endpoint and bare SQL. */
  slices: number;
  endpoints: EndpointRow[];
  browser: BrowserFigures;
  /** Extra sections (live updates, sync) as ready-made Markdown. */
  sections?: string[];
};

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : "–");
const mark = (ok: boolean) => (ok ? "✅" : "❌");

/** What is ours in a row: endpoint p95 − its bare SQL p95 − the framework floor's p95 at as many connections. */
function ourShare(row: EndpointRow, rows: EndpointRow[]): number | null {
  const floor = rows.find((candidate) => candidate.scenario.floor && candidate.connections === row.connections);
  if (!floor || row.scenario.floor || row.scenario.origin) return null;
  return row.endpoint.p95 - row.bare.p95 - floor.endpoint.p95;
}

function endpointTable(rows: EndpointRow[]): string {
  const lines = [
    "| Endpoint | Conns | p50 ms | p95 ms | p99 ms | req/s | errors | bare SQL p95 ms | ratio p95 | our share p95 ms | full scans | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const row of rows) {
    const ratio = row.endpoint.p95 / row.bare.p95;
    const share = ourShare(row, rows);
    const target = row.scenario.target;
    const shareTarget =
      target?.maxOurShareMs != null && share !== null
        ? ` ${mark(share <= target.maxOurShareMs)} ours ≤ ${target.maxOurShareMs}`
        : "";
    const targetText =
      row.connections === 1 && target
        ? `${mark(row.endpoint.p95 <= target.p95Ms)} p95 ≤ ${target.p95Ms}${shareTarget}`
        : "";
    lines.push(
      `| ${row.scenario.name} | ${row.connections} | ${ms(row.endpoint.p50)} | ${ms(row.endpoint.p95)} | ${ms(row.endpoint.p99)} | ` +
        `${row.endpoint.perSecond.toFixed(0)} | ${row.endpoint.errors} | ${ms(row.bare.p95)} | ${ratio.toFixed(1)}× | ` +
        `${share === null ? "" : ms(share)} | ` +
        `${row.fullScans.length === 0 ? "none ✅" : `${row.fullScans.join(", ")} ❌`} | ${targetText} |`,
    );
  }
  return lines.join("\n");
}

/** Our share, explained, with how many pages meet its target. */
function ourShareNote(rows: EndpointRow[]): string {
  const floor = rows.find((row) => row.scenario.floor && row.connections === 1);
  const pages = rows.filter((row) => row.connections === 1 && row.scenario.target?.maxOurShareMs != null);
  if (!floor || pages.length === 0) return "";
  const met = pages.filter(
    (row) => (ourShare(row, rows) ?? Number.POSITIVE_INFINITY) <= (row.scenario.target?.maxOurShareMs ?? 0),
  );
  return (
    "Our share is what the inbox's own code adds to a page: endpoint p95 − bare SQL p95 − the framework floor's p95 " +
    `(the /api/health row at as many connections; ${ms(floor.endpoint.p95)} ms at 1 connection). ` +
    `${met.length} of ${pages.length} list, view and thread pages meet ≤ 1 ms at 1 connection. Percentiles do not ` +
    "subtract exactly, so a share near 0 (or below) means the page is as fast as its SQL on this framework."
  );
}

function browserTable(figures: BrowserFigures): string {
  return [
    "| Browser (Chromium, production build) | Figure | Target |",
    "|---|---:|---|",
    `| Open the inbox (first chats shown, median of 5) | ${figures.inboxOpenMs} ms | ${mark(figures.inboxOpenMs <= 1000)} ≤ 1,000 ms |`,
    `| Open the 100,000-message chat (newest messages shown, median of 5) | ${figures.threadOpenMs} ms | ${mark(figures.threadOpenMs <= 1000)} ≤ 1,000 ms |`,
    `| Message nodes in the DOM, thread open | ${figures.messageNodes} | ${mark(figures.messageNodes <= 150)} ≤ 150 |`,
    `| Message nodes after scrolling up through older pages | ${figures.messageNodesAfterScroll} | ${mark(figures.messageNodesAfterScroll <= 150)} ≤ 150 |`,
    `| All DOM nodes: inbox / thread open | ${figures.inboxDomNodes} / ${figures.threadDomNodes} | |`,
  ].join("\n");
}

export function sseSection(figures: SseFigures): string {
  const ok = figures.p95 <= 1000 && figures.errors === 0 && figures.missed === 0;
  return [
    "## Live updates (Server-Sent Events)",
    "",
    `${figures.connected} of ${figures.clients} clients connected to \`/api/events\` while ${figures.messagesWritten} inbound ` +
      `messages were written at ${figures.writesPerSecond.toFixed(1)}/s (each with its change events, as the sync writes them).`,
    "",
    "| Event to client | p50 | p95 | p99 | max | errors | missed events | target |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    `| ms | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ${ms(figures.max)} | ${figures.errors} | ` +
      `${figures.missed} of ${figures.eventsExpected} | ${mark(ok)} p95 ≤ 1,000 ms, 0 errors |`,
  ].join("\n");
}

export function syncSection(figures: SyncFigures): string {
  const lines = [
    "## Provider sync",
    "",
    "Backfill from each sandbox provider into an empty cache (its own database), over real HTTP.",
    "",
    "| Backfill | Messages | Seconds | Messages/s |",
    "|---|---:|---:|---:|",
    ...figures.backfills.map(
      (row) =>
        `| ${row.label} | ${row.messages} | ${row.seconds.toFixed(1)} | ${(row.messages / row.seconds).toFixed(0)} |`,
    ),
  ];
  const real = figures.realLimit;
  if (real) {
    const ok = real.maxInAnyMinute >= 160 && real.maxInAnyMinute <= 180 && real.refused === 0;
    lines.push(
      "",
      `SmartSender with its real limit (180 requests/minute): ${real.requests} requests and ${real.messages} messages in ` +
        `${(real.seconds / 60).toFixed(1)} min. Most requests in any 60 s window: **${real.maxInAnyMinute}**; per minute: ` +
        `${real.perMinute.join(", ")}; rate-limit errors: **${real.refused}**. ${mark(ok)} target ≥ 160/min, ≤ 180, 0 errors.`,
    );
  } else {
    lines.push("", "(SmartSender's real-limit run was skipped: --quick.)");
  }
  return lines.join("\n");
}

/** Writes bench/results.md and returns the same Markdown. */
export async function writeReport(report: Report): Promise<string> {
  const markdown = [
    "# Benchmark results",
    "",
    `Run on ${report.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · ${report.machine.cores} cores (${report.machine.cpu}) · ` +
      `${report.machine.memoryGiB.toFixed(0)} GiB RAM · Node ${process.version}`,
    "",
    "Data: 100,000 chats over four connections, 2,000,000 messages (one chat with 100,000), 100,000 reactions, " +
      "80,000 attachments, in the benchmark's own embedded PostgreSQL. Each endpoint ran " +
      `${report.durationSec} s per connection count under autocannon against \`npm start\`'s production server ` +
      "(provider sync off), and the very SQL the endpoint runs ran as long, bare through `pg` with the same number of " +
      `connections, the two alternating in ${report.slices} slices so that both meet the same load from the rest ` +
      "of the machine. The ratio is endpoint p95 / bare SQL p95: what the app adds on top of the database. The last " +
      "two rows are floors: Next.js answering a route that runs `SELECT 1` through Prisma, with no session and no " +
      "page of data, and a bare `node:http` server running the same `SELECT 1` through `pg`.",
    "",
    "## Endpoints",
    "",
    endpointTable(report.endpoints),
    "",
    ourShareNote(report.endpoints),
    "",
    "## Browser",
    "",
    browserTable(report.browser),
    ...(report.sections ?? []).flatMap((section) => ["", section]),
    "",
  ].join("\n");
  await writeFile(path.join(import.meta.dirname, "results.md"), markdown);
  return markdown;
}
