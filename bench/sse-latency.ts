/**
 * Live-update latency: 200 browsers' worth of SSE clients on /api/events while 50 inbound
 * messages a second are written, each as the sync writes one: the message row and its
 * messages.changed, chat.changed and counts.changed events, committed together (one statement,
 * so the clock starts right before the commit). Reports how long each messages.changed took
 * from the start of its write to each client, and every error (a failed or dropped connection,
 * a failed write, an event a client never received).
 *
 *   npx tsx --import ./lib/server/resolve-server-only.ts bench/sse-latency.ts
 *       starts its own server on a fresh database;
 *   BENCH_APP_URL=… DATABASE_URL=… BENCH_EMAIL=… BENCH_PASSWORD=… npx tsx --import ./lib/server/resolve-server-only.ts bench/sse-latency.ts
 *       measures a running server (writes go to DATABASE_URL).
 * Knobs: BENCH_SSE_CLIENTS (200), BENCH_MESSAGES_PER_SEC (50), BENCH_SECONDS (30).
 */
import { rm } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { createPrismaClient, type Db } from "@/lib/db";
import { openSse, type SseConnection } from "@/lib/events/testing/sse-client";
import { ingestChats } from "@/lib/ingest/ingest";
import { chatRow } from "@/lib/ingest/testing/rows";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { freePort } from "@/lib/server/free-port";
import { type AppProcess, startAppProcess } from "../e2e/support/app-process";
import { percentile } from "./stats";

const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 200);
const MESSAGES_PER_SEC = Number(process.env.BENCH_MESSAGES_PER_SEC ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CHATS = 50;
/** How long after the last write a client may still receive its event before it counts as lost. */
const DRAIN_MS = 5_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

type Target = { url: string; databaseUrl: string; email: string; password: string; stop: () => Promise<void> };

async function ownServer(): Promise<Target> {
  const dataDir = ".data/bench-sse";
  await rm(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres-only`, durable: false });
  const email = "bench@inbox.local";
  const password = "bench-password-123";
  let app: AppProcess | null = null;
  try {
    app = await startAppProcess({
      INBOX_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      DATABASE_URL: database.url,
      ADMIN_EMAIL: email,
      ADMIN_PASSWORD: password,
      // Only the live-update path is measured: no provider sync competing for the two cores.
      SYNC_ENABLED: "false",
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  const running = app;
  return {
    url: running.url,
    databaseUrl: database.url,
    email,
    password,
    stop: async () => {
      await running.stop();
      await database.stop();
    },
  };
}

function givenServer(): Target | null {
  const { BENCH_APP_URL, DATABASE_URL, BENCH_EMAIL, BENCH_PASSWORD } = process.env;
  if (!BENCH_APP_URL) return null;
  if (!DATABASE_URL || !BENCH_EMAIL || !BENCH_PASSWORD) {
    throw new Error("With BENCH_APP_URL, also set DATABASE_URL, BENCH_EMAIL and BENCH_PASSWORD");
  }
  return {
    url: BENCH_APP_URL,
    databaseUrl: DATABASE_URL,
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    stop: async () => {},
  };
}

async function signIn(target: Target): Promise<string> {
  const response = await fetch(`${target.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: target.url },
    body: JSON.stringify({ email: target.email, password: target.password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

type BenchChat = { id: number; connectionId: string };

async function benchChats(prisma: Db): Promise<BenchChat[]> {
  const connection = await prisma.connection.findFirst({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
  if (!connection) throw new Error("The server has no connection to write chats into");
  const externalIds = Array.from({ length: CHATS }, (_, index) => `bench-sse-${index}`);
  const ids = await ingestChats(
    prisma,
    connection.id,
    externalIds.map((externalId) => chatRow(externalId)),
  );
  return externalIds.map((externalId) => ({ id: ids.get(externalId) ?? 0, connectionId: connection.id }));
}

/** One inbound message and the three events the sync records for it, in one statement (one commit). */
async function writeInboundMessage(prisma: Db, chat: BenchChat, index: number): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ id: number }>>`
    WITH message AS (
      INSERT INTO messages (chat_id, external_id, direction, author_name, text, created_at)
      VALUES (${chat.id}, ${`bench-sse-m${index}`}, 'inbound', 'Customer', ${`Message ${index}`}, now())
      RETURNING id, chat_id
    ), events AS (
      INSERT INTO change_events (type, payload)
      SELECT 'messages.changed', jsonb_build_object('chatId', chat_id, 'messageIds', jsonb_build_array(id)) FROM message
      UNION ALL SELECT 'chat.changed', jsonb_build_object('chatId', chat_id, 'connectionId', ${chat.connectionId}::text) FROM message
      UNION ALL SELECT 'counts.changed', jsonb_build_object('connectionId', ${chat.connectionId}::text) FROM message
    )
    SELECT id FROM message`;
  if (!row) throw new Error("The message was not written");
  return row.id;
}

export type SseFigures = {
  clients: number;
  connected: number;
  messagesWritten: number;
  writesPerSecond: number;
  eventsExpected: number;
  eventsReceived: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  missed: number;
};

/** The live-update measurement against a running server whose database is `target.databaseUrl`. */
export async function measureSseLatency(
  target: Omit<Target, "stop">,
  options = { clients: CLIENTS, messagesPerSec: MESSAGES_PER_SEC, seconds: SECONDS },
): Promise<SseFigures> {
  const prisma = createPrismaClient(target.databaseUrl, 8);
  const clients: SseConnection[] = [];
  try {
    const cookie = await signIn({ ...target, stop: async () => {} });
    const chats = await benchChats(prisma);
    say(`server ${target.url}; opening ${options.clients} SSE clients`);

    let errors = 0;
    const opened = await Promise.allSettled(
      Array.from({ length: options.clients }, () => openSse(`${target.url}/api/events`, { cookie })),
    );
    for (const result of opened) {
      if (result.status === "fulfilled" && result.value.status === 200) clients.push(result.value);
      else errors += 1;
    }
    let closing = false;
    for (const client of clients) {
      void client.ended.then(() => {
        if (!closing) errors += 1;
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    say(
      `${clients.length} clients connected (${errors} failed); writing ${options.messagesPerSec} messages/s for ${options.seconds} s`,
    );

    const writtenAt = new Map<number, number>();
    const writes: Promise<void>[] = [];
    const total = options.messagesPerSec * options.seconds;
    const started = Date.now();
    for (let index = 0; index < total; index += 1) {
      const due = started + (index * 1000) / options.messagesPerSec;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const chat = chats[index % chats.length];
      if (!chat) continue;
      const before = Date.now();
      writes.push(
        writeInboundMessage(prisma, chat, index)
          .then((id) => {
            writtenAt.set(id, before);
          })
          .catch(() => {
            errors += 1;
          }),
      );
    }
    await Promise.all(writes);
    const writeSeconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));

    closing = true;
    const latencies: number[] = [];
    let missed = 0;
    for (const client of clients) {
      const seen = new Map<number, number>();
      for (const message of client.messages) {
        const event = JSON.parse(message.data) as { type: string; messageIds?: number[] };
        if (event.type !== "messages.changed") continue;
        for (const id of event.messageIds ?? []) if (!seen.has(id)) seen.set(id, message.receivedAt);
      }
      for (const [id, at] of writtenAt) {
        const receivedAt = seen.get(id);
        if (receivedAt === undefined) missed += 1;
        else latencies.push(receivedAt - at);
      }
    }
    const sorted = latencies.sort((a, b) => a - b);
    return {
      clients: options.clients,
      connected: clients.length,
      messagesWritten: writtenAt.size,
      writesPerSecond: writtenAt.size / writeSeconds,
      eventsExpected: writtenAt.size * clients.length,
      eventsReceived: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      errors,
      missed,
    };
  } finally {
    for (const client of clients) client.close();
    // The benchmark's chats and messages go again, so the data set stays as seeded.
    await prisma.chat.deleteMany({ where: { externalId: { startsWith: "bench-sse-" } } });
    await prisma.$disconnect();
  }
}

async function main() {
  const target = givenServer() ?? (await ownServer());
  try {
    const figures = await measureSseLatency(target);
    say("");
    say(`messages written: ${figures.messagesWritten} (${figures.writesPerSecond.toFixed(1)}/s)`);
    say(`events expected at clients: ${figures.eventsExpected}, received: ${figures.eventsReceived}`);
    say(`event-to-client latency ms: p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99}  max ${figures.max}`);
    say(`errors: ${figures.errors} (failed or dropped connections, failed writes), missed events: ${figures.missed}`);
  } finally {
    await target.stop();
  }
}

// Run directly (`npx tsx --import ./lib/server/resolve-server-only.ts bench/sse-latency.ts`), not when `npm run bench` imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
