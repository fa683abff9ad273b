import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserFigures } from "./browser";
import type { PresenceFigures } from "./presence-latency";
import type { Scenario } from "./scenarios";
import type { SseFigures } from "./sse-latency";
import type { LatencyStats } from "./stats";
import type { SyncFigures } from "./sync-throughput";

export type EndpointRow = {
  scenario: Scenario;
  connections: number;
  endpoint: LatencyStats;
  bare: LatencyStats;
  /** The framework floor (/api/health) measured in this row's own slices; pages with an our-share target have one. */
  floor?: LatencyStats;
  fullScans: string[];
};

/** The data set a run measured, and what it takes on disk. */
export type DataFigures = { chats: number; messages: number; databaseBytes: number };

export type Report = {
  startedAt: Date;
  data: DataFigures;
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

/**
 * What is ours in a row: endpoint p95 − its bare SQL p95 − the framework floor's p95, the floor
 * measured in the row's own slices where it was (pages), else the floor row at as many connections.
 */
function ourShare(row: EndpointRow, rows: EndpointRow[]): number | null {
  const floor =
    row.floor ??
    rows.find((candidate) => candidate.scenario.floor && candidate.connections === row.connections)?.endpoint;
  if (!floor || row.scenario.floor || row.scenario.origin) return null;
  return row.endpoint.p95 - row.bare.p95 - floor.p95;
}

function endpointTable(rows: EndpointRow[]): string {
  const lines = [
    "| Endpoint | Conns | p50 ms | p95 ms | p99 ms | req/s | errors | bare SQL p95 ms | ratio p95 | floor p95 ms | our share p95 ms | full scans | target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
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
        `${row.floor ? ms(row.floor.p95) : ""} | ${share === null ? "" : ms(share)} | ` +
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
    "(the /api/health route, measured in the page's own alternating slices, so that a noisy moment of the machine " +
    `weighs on both; the floor row below, ${ms(floor.endpoint.p95)} ms p95 at 1 connection, is its own run). ` +
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

export function presenceSection(figures: PresenceFigures): string {
  const missed = figures.deliveriesExpected - figures.deliveriesReceived;
  const ok = figures.p95 <= 1000 && figures.errors === 0 && missed === 0;
  return [
    "## Presence",
    "",
    `${figures.connected} of ${figures.clients} agents' browsers connected to \`/api/events\` while one agent opened a chat ` +
      `${figures.signals} times (a new tab each time); timed from just before the POST to each browser hearing "viewing".`,
    "",
    "| Opening a chat → another agent's browser | p50 | p95 | max | errors | missed | target |",
    "|---|---:|---:|---:|---:|---:|---|",
    `| ms | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.max)} | ${figures.errors} | ${missed} of ` +
      `${figures.deliveriesExpected} | ${mark(ok)} p95 ≤ 1,000 ms with ${figures.clients} agents |`,
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
  const cycle = figures.pollingCycle;
  lines.push(
    "",
    `SmartSender requests per polling cycle after the backfill, ${cycle.chats} chats (a full walk of the list: ` +
      `${cycle.fullWalkListRequests} list requests, ${Math.round((cycle.fullWalkListRequests / 180) * 60)} s of the 180/min budget):`,
    "",
    "| Unread chats | List requests | Message requests |",
    "|---:|---:|---:|",
    ...cycle.cycles.map((row) => `| ${row.unreadChats} | ${row.listRequests} | ${row.messageRequests} |`),
  );
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

const RESULTS_FILE = path.join(import.meta.dirname, "results.md");
/** Scale 1's p95s, kept for the growth table of a bigger scale's run. */
const SCALE_1_FILE = path.join(import.meta.dirname, "results.json");
const SCALE_SECTION_START = "<!-- larger scale: written by npm run bench -- --scale N -->";

type SavedRow = { name: string; connections: number; p95: number; bareP95: number };
type SavedRun = { data: DataFigures; rows: SavedRow[] };

const count = (value: number) => value.toLocaleString("en");
const mbPerMillionMessages = (data: DataFigures) => data.databaseBytes / 2 ** 20 / (data.messages / 1e6);

function diskLine(data: DataFigures): string {
  return (
    `The database takes ${(data.databaseBytes / 2 ** 30).toFixed(1)} GiB on disk: ` +
    `${mbPerMillionMessages(data).toFixed(0)} MiB per million messages (chats, reactions, attachments and every index included).`
  );
}

async function existingScaleSection(): Promise<string> {
  const existing = await readFile(RESULTS_FILE, "utf8").catch(() => "");
  const start = existing.indexOf(SCALE_SECTION_START);
  return start < 0 ? "" : existing.slice(start);
}

/** Writes bench/results.md (keeping a larger scale's section) and returns the same Markdown. */
export async function writeReport(report: Report): Promise<string> {
  const markdown = [
    "# Benchmark results",
    "",
    `Run on ${report.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · ${report.machine.cores} cores (${report.machine.cpu}) · ` +
      `${report.machine.memoryGiB.toFixed(0)} GiB RAM · Node ${process.version}`,
    "",
    `Data: ${count(report.data.chats)} chats over four connections, ${count(report.data.messages)} messages (one chat ` +
      `with 100,000), reactions on 5% and attachments on 4% of them, in the benchmark's own embedded PostgreSQL. ` +
      `${diskLine(report.data)} Each endpoint ran ` +
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
  const saved: SavedRun = {
    data: report.data,
    rows: report.endpoints.map((row) => ({
      name: row.scenario.name,
      connections: row.connections,
      p95: row.endpoint.p95,
      bareP95: row.bare.p95,
    })),
  };
  await writeFile(SCALE_1_FILE, `${JSON.stringify(saved, null, 2)}\n`);
  const scaleSection = await existingScaleSection();
  await writeFile(RESULTS_FILE, scaleSection ? `${markdown}\n${scaleSection}` : markdown);
  return markdown;
}

/** Growth of a page's p95 from scale 1 allowed for list, view and thread pages. */
const MAX_PAGE_GROWTH = 0.2;

/**
 * The section of a larger scale's run (`--scale N`), put at the end of bench/results.md in place
 * of an earlier one: each row's p95 beside scale 1's (bench/results.json, from the last scale-1
 * run), how much it grew, and the disk size per million messages at both scales.
 */
export async function writeScaleSection(options: {
  scale: number;
  startedAt: Date;
  durationSec: number;
  data: DataFigures;
  endpoints: EndpointRow[];
}): Promise<string> {
  const base = JSON.parse(await readFile(SCALE_1_FILE, "utf8").catch(() => '{"rows":[]}')) as Partial<SavedRun>;
  const lines = [
    SCALE_SECTION_START,
    `## Scale ${options.scale}: ${count(options.data.chats)} chats, ${count(options.data.messages)} messages`,
    "",
    `Run on ${options.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${options.durationSec} s per row at 1 ` +
      "connection, seeded by the same SQL as scale 1. List, view and thread pages should grow by at most 20% " +
      "(index-only paths: no plan that scans in proportion to the data); search stays ≤ 50 ms p95.",
    "",
    "| Endpoint | p95 ms, scale 1 | p95 ms, this scale | growth | bare SQL p95 ms, scale 1 → this | full scans | target |",
    "|---|---:|---:|---:|---:|---|---|",
  ];
  for (const row of options.endpoints.filter((candidate) => candidate.connections === 1)) {
    const before = base.rows?.find((saved) => saved.name === row.scenario.name && saved.connections === 1);
    const growth = before ? row.endpoint.p95 / before.p95 - 1 : null;
    const target = row.scenario.target;
    const isPage = target?.maxOurShareMs != null;
    const targetText = !target
      ? ""
      : isPage
        ? growth === null
          ? "growth ≤ 20%"
          : `${mark(growth <= MAX_PAGE_GROWTH)} growth ≤ 20%`
        : `${mark(row.endpoint.p95 <= target.p95Ms)} p95 ≤ ${target.p95Ms}`;
    lines.push(
      `| ${row.scenario.name} | ${before ? ms(before.p95) : "–"} | ${ms(row.endpoint.p95)} | ` +
        `${growth === null ? "–" : `${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(0)}%`} | ` +
        `${before ? ms(before.bareP95) : "–"} → ${ms(row.bare.p95)} | ` +
        `${row.fullScans.length === 0 ? "none ✅" : `${row.fullScans.join(", ")} ❌`} | ${targetText} |`,
    );
  }
  lines.push("", diskLine(options.data));
  if (base.data) lines.push(`At scale 1: ${mbPerMillionMessages(base.data).toFixed(0)} MiB per million messages.`);
  const section = `${lines.join("\n")}\n`;
  const existing = await readFile(RESULTS_FILE, "utf8").catch(() => "");
  const start = existing.indexOf(SCALE_SECTION_START);
  const main = (start < 0 ? existing : existing.slice(0, start)).trimEnd();
  await writeFile(RESULTS_FILE, `${main}\n\n${section}`);
  return section;
}
