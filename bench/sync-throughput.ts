/**
 * Sync throughput: how fast each provider's backfill fills an empty cache from its sandbox,
 * and SmartSender's request rate during a full backfill under its real limit of 180 requests
 * per minute (which the client keeps 5% under).
 *
 *   npx tsx --import ./lib/server/resolve-server-only.ts bench/sync-throughput.ts          everything (the SmartSender real-limit run takes minutes)
 *   npx tsx --import ./lib/server/resolve-server-only.ts bench/sync-throughput.ts --quick  without the real-limit run
 *
 * Uses its own embedded PostgreSQL (.data/bench-sync), emptied at each run.
 */
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { sleep } from "@/lib/retry";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { forEachLimited } from "@/lib/sync/concurrency";
import { loadOlderMessages } from "@/lib/sync/load-older";
import { startSyncManager } from "@/lib/sync/manager";
import { connectFake } from "@/lib/sync/testing/fake-connection";
import type { SandboxFake } from "@/sandbox/core/provider";
import { startMaxFake } from "@/sandbox/max/index";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";
import { startTgBridgeFake } from "@/sandbox/tgbridge/index";

const quick = process.argv.includes("--quick");
const UNLIMITED = 1_000_000;
/** Messages per sandbox for the throughput runs. */
const DATA = { chats: 200, messagesPerChat: 50, bigChatMessages: 300 };
/** The real-limit run: enough chats for a backfill of a few minutes (two list walks + one page per chat). */
const REAL_LIMIT_CHATS = 450;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.end();
  await migrate(url);
}

/** Runs the sync (as an app instance does) until the connection's backfill is done; returns seconds. */
async function backfill(prisma: Db, databaseUrl: string, connectionId: string): Promise<number> {
  const startedAt = performance.now();
  const manager = startSyncManager({
    prisma,
    databaseUrl,
    instanceId: "bench",
    pollIntervalMs: 3_600_000,
    tuning: { claimIntervalMs: 100 },
  });
  try {
    const backfilled = async () =>
      (await prisma.connection.findUniqueOrThrow({ where: { id: connectionId } })).backfillDoneAt !== null;
    while (!(await backfilled())) await sleep(100);
    return (performance.now() - startedAt) / 1000;
  } finally {
    await manager.stop();
  }
}

const messagesOf = (prisma: Db, connectionId: string) => prisma.message.count({ where: { chat: { connectionId } } });

const rate = (count: number, seconds: number) => `${Math.round(count / seconds)} messages/s`;

export type ThroughputRow = { label: string; messages: number; seconds: number };

export type RealLimitFigures = {
  messages: number;
  requests: number;
  seconds: number;
  maxInAnyMinute: number;
  perMinute: number[];
  refused: number;
};

/** SmartSender requests in one polling cycle after the backfill, with so many chats unread. */
export type CycleRow = { unreadChats: number; listRequests: number; messageRequests: number };

export type PollingCycleFigures = { chats: number; fullWalkListRequests: number; cycles: CycleRow[] };

export type SyncFigures = {
  backfills: ThroughputRow[];
  realLimit: RealLimitFigures | null;
  pollingCycle: PollingCycleFigures;
};

function report(row: ThroughputRow): ThroughputRow {
  say(
    `  ${row.label.padEnd(34)} ${String(row.messages).padStart(6)} messages in ${row.seconds.toFixed(1)} s: ${rate(row.messages, row.seconds)}`,
  );
  return row;
}

/** Switches a measured connection off, so later runs' sync does not keep calling its stopped fake. */
const retire = (prisma: Db, connectionId: string) =>
  prisma.connection.update({ where: { id: connectionId }, data: { enabled: false } });

async function measure(prisma: Db, url: string, label: string, fake: SandboxFake): Promise<ThroughputRow> {
  try {
    const connectionId = await connectFake(prisma, fake);
    const seconds = await backfill(prisma, url, connectionId);
    const row = report({ label, messages: await messagesOf(prisma, connectionId), seconds });
    await retire(prisma, connectionId);
    return row;
  } finally {
    await fake.close();
  }
}

/** Scrolls every chat back to its first message (what agents do over time), four chats at a time. */
async function scrollBack(prisma: Db, label: string, connectionId: string): Promise<ThroughputRow> {
  const before = await messagesOf(prisma, connectionId);
  const startedAt = performance.now();
  const chats = await prisma.chat.findMany({ where: { connectionId }, select: { id: true } });
  await forEachLimited(chats, 4, async (chat) => {
    for (let more = true; more; ) more = (await loadOlderMessages(prisma, chat.id)).hasMore;
  });
  const seconds = (performance.now() - startedAt) / 1000;
  return report({ label, messages: (await messagesOf(prisma, connectionId)) - before, seconds });
}

async function smartSenderRealLimit(prisma: Db, url: string): Promise<RealLimitFigures> {
  const fake = await startSmartSenderFake({
    token: `bench-real-limit-${process.pid}`,
    data: { chats: REAL_LIMIT_CHATS, messagesPerChat: 20, bigChatMessages: 20 },
  });
  try {
    const connectionId = await connectFake(prisma, fake);
    const seconds = await backfill(prisma, url, connectionId);
    const messages = await messagesOf(prisma, connectionId);
    const stats = fake.rateStats();
    const figures: RealLimitFigures = {
      messages,
      requests: stats.minutes.reduce((sum, minute) => sum + minute.answered, 0),
      seconds,
      // The limiter lets a window's budget go at once, then waits a window: the sliding-window
      // maximum, not an average over a bursty run, is what SmartSender counts.
      maxInAnyMinute: stats.maxAnsweredInWindow,
      perMinute: stats.minutes.map((minute) => minute.answered),
      refused: stats.minutes.reduce((sum, minute) => sum + minute.rateLimited, 0),
    };
    say(
      `  SmartSender, real limit (180/min): ${messages} messages, ${figures.requests} requests in ${(seconds / 60).toFixed(1)} min`,
    );
    say(
      `    most requests in any 60 s window: ${figures.maxInAnyMinute} (${Math.round((figures.maxInAnyMinute / 180) * 100)}% of 180); refused with 429: ${figures.refused}`,
    );
    say(`    requests per minute since the start: ${figures.perMinute.join(", ")}`);
    say(`    ${rate(messages, seconds)}`);
    return figures;
  } finally {
    await fake.close();
  }
}

const CYCLE_CHATS = 5_000;
const CYCLE_POLL_MS = 1_500;

/** A cycle starts with the first page of unread open chats (then unread closed ones, then the rolling walk). */
const isUnreadFirstPage = (call: { path: string; query: Record<string, string> }) =>
  call.path === "/v1/chats" &&
  call.query["selector[name]"] === "unread" &&
  call.query.state === "open" &&
  call.query.page === "1";

/** The requests SmartSender receives between the start of one polling cycle and the next (counted at the sandbox). */
async function oneCycle(fake: SandboxFake, unreadChats: number): Promise<CycleRow> {
  fake.clearCalls();
  // The first unread-list request starts a cycle; the second starts the one after.
  for (;;) {
    const starts = fake.calls.flatMap((call, index) => (isUnreadFirstPage(call) ? [index] : []));
    if (starts.length >= 2) {
      const cycle = fake.calls.slice(starts[0], starts[1]);
      return {
        unreadChats,
        listRequests: cycle.filter((call) => call.path === "/v1/chats").length,
        messageRequests: cycle.filter((call) => call.path.endsWith("/messages")).length,
      };
    }
    await sleep(50);
  }
}

/**
 * Requests per SmartSender polling cycle for 5,000 chats (250 pages of 20) once the backfill is
 * over: with nothing unread, then 10 and 100 chats with a new customer message.
 */
async function smartSenderPollingCycle(prisma: Db, url: string): Promise<PollingCycleFigures> {
  const fake = await startSmartSenderFake({
    token: `bench-cycle-${process.pid}`,
    data: { chats: CYCLE_CHATS, messagesPerChat: 1, bigChatMessages: 1 },
    rateLimit: { perMinute: UNLIMITED },
  });
  const manager = startSyncManager({
    prisma,
    databaseUrl: url,
    instanceId: "bench-cycle",
    pollIntervalMs: CYCLE_POLL_MS,
    tuning: { claimIntervalMs: 100 },
  });
  try {
    // Everything read before the inbox connects: the baseline is a project with nothing unread.
    const chats = fake.snapshot().chats.map((chat) => chat.externalId);
    await forEachLimited(chats, 8, async (chatId) => {
      await fetch(`${fake.url}/v1/chats/${chatId}/read`, {
        method: "PUT",
        headers: { authorization: `Bearer ${fake.token}` },
      });
    });
    fake.clearCalls();
    const connectionId = await connectFake(prisma, fake, { requestsPerMinute: UNLIMITED });
    const backfilled = async () =>
      (await prisma.connection.findUniqueOrThrow({ where: { id: connectionId } })).backfillDoneAt !== null;
    while (!(await backfilled())) await sleep(200);
    const fullWalkListRequests = fake.calls.filter((call) => call.path === "/v1/chats").length;
    const cycles = [await oneCycle(fake, 0)];
    for (const unread of [10, 100]) {
      for (const chatId of chats.slice(-unread)) fake.injectInboundMessage({ chatExternalId: chatId, text: "New" });
      cycles.push(await oneCycle(fake, unread));
      await oneCycle(fake, 0);
      for (const chatId of chats.slice(-unread)) {
        await fetch(`${fake.url}/v1/chats/${chatId}/read`, {
          method: "PUT",
          headers: { authorization: `Bearer ${fake.token}` },
        });
      }
    }
    say(`SmartSender polling cycle, ${CYCLE_CHATS} chats (full walk: ${fullWalkListRequests} list requests):`);
    for (const row of cycles) {
      say(
        `  ${String(row.unreadChats).padStart(3)} unread chats: ${row.listRequests} list + ${row.messageRequests} message requests per cycle`,
      );
    }
    await retire(prisma, connectionId);
    return { chats: CYCLE_CHATS, fullWalkListRequests, cycles };
  } finally {
    await manager.stop();
    await fake.close();
  }
}

/**
 * Backfills from each sandbox into an empty cache (its own embedded database), and, unless
 * `realLimit` is false, a SmartSender backfill under its real 180 requests/minute (minutes).
 */
export async function measureSyncThroughput({ realLimit }: { realLimit: boolean }): Promise<SyncFigures> {
  const database = await startEmbeddedPostgres({ dataDir: ".data/bench-sync", durable: false });
  const prisma = createPrismaClient(database.url, 8);
  try {
    await emptyDatabase(database.url);
    say(
      `Backfill throughput (sandboxes of ${DATA.chats} chats × ${DATA.messagesPerChat} messages + one of ${DATA.bigChatMessages}):`,
    );
    const backfills = [
      await measure(prisma, database.url, "MAX (long polling, whole history)", await startMaxFake({ data: DATA })),
      await measure(prisma, database.url, "Telegram bridge (polling)", await startTgBridgeFake({ data: DATA })),
    ];
    const unlimited = { rateLimit: { perMinute: UNLIMITED } };
    const smartsender = await startSmartSenderFake({ token: `bench-${process.pid}`, data: DATA, ...unlimited });
    try {
      const connectionId = await connectFake(prisma, smartsender, { requestsPerMinute: UNLIMITED });
      const seconds = await backfill(prisma, database.url, connectionId);
      backfills.push(
        report({
          label: "SmartSender, no limit (newest pages)",
          messages: await messagesOf(prisma, connectionId),
          seconds,
        }),
      );
      backfills.push(await scrollBack(prisma, "SmartSender, no limit (scroll-back)", connectionId));
      await retire(prisma, connectionId);
    } finally {
      await smartsender.close();
    }
    const pollingCycle = await smartSenderPollingCycle(prisma, database.url);
    return {
      backfills,
      realLimit: realLimit ? await smartSenderRealLimit(prisma, database.url) : null,
      pollingCycle,
    };
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

async function main() {
  await measureSyncThroughput({ realLimit: !quick });
}

// Run directly (`npx tsx --import ./lib/server/resolve-server-only.ts bench/sync-throughput.ts`), not when `npm run bench` imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
