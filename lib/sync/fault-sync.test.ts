/**
 * The sync against sandbox providers that fail 20% of requests (server errors, timeouts,
 * malformed bodies, 429s) while more than 10,000 messages come through: afterwards the cache
 * holds exactly the provider's data, nothing lost and nothing twice.
 */
import { expect, it } from "vitest";
import { forEachLimited } from "@/lib/sync/concurrency";
import { loadOlderMessages } from "@/lib/sync/load-older";
import { connectFake, differencesFromFake, UNLIMITED } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import type { FaultSettings } from "@/sandbox/core/faults";
import type { SandboxFake } from "@/sandbox/core/provider";
import { startMaxFake } from "@/sandbox/max/index";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const FAULTS: Partial<FaultSettings> = {
  rate: 0.2,
  kinds: ["server_error", "timeout", "malformed", "rate_limited"],
  hangMs: 1_500,
};
/** Client timeout below the fake's hang, so "timeout" faults really time out. */
const CLIENT_TIMEOUT_MS = 1_000;

const bed = syncTestBed();

const messagesAtProvider = (fake: SandboxFake) =>
  fake.snapshot().chats.reduce((sum, chat) => sum + chat.messageExternalIds.length, 0);

const faultsInjected = (fake: SandboxFake) => fake.calls.filter((call) => call.fault !== null).length;

async function syncUntilBackfilled(connectionId: string, timeoutMs: number): Promise<number> {
  const startedAt = Date.now();
  const sync = bed.startSync("fault-test");
  try {
    await bed.backfilled(connectionId, timeoutMs);
  } finally {
    await sync.stop();
  }
  return (Date.now() - startedAt) / 1000;
}

function report(kind: string, messages: number, seconds: number, fake: SandboxFake) {
  process.stdout.write(
    `    ${kind}: ${messages} messages in ${seconds.toFixed(1)} s (${Math.round(messages / seconds)} messages/s), ` +
      `${fake.calls.length} requests, ${faultsInjected(fake)} faults injected\n`,
  );
}

it("MAX: more than 10,000 messages by long polling arrive exactly once", async () => {
  const fake = await startMaxFake({
    token: `fault-max-${process.pid}`,
    seed: 7,
    data: { chats: 100, messagesPerChat: 100, bigChatMessages: 300 },
    faults: FAULTS,
  });
  bed.afterThisTest(() => fake.close());
  expect(messagesAtProvider(fake)).toBeGreaterThanOrEqual(10_000);
  const connectionId = await connectFake(bed.database.prisma, fake, { timeoutMs: CLIENT_TIMEOUT_MS });
  const seconds = await syncUntilBackfilled(connectionId, 240_000);
  report("MAX", messagesAtProvider(fake), seconds, fake);
  expect(faultsInjected(fake)).toBeGreaterThan(0);
  expect(await differencesFromFake(bed.database.prisma, connectionId, fake)).toEqual([]);
}, 300_000);

it("SmartSender: 10,000 messages by polling and scrolling back arrive exactly once", async () => {
  const fake = await startSmartSenderFake({
    token: `fault-smartsender-${process.pid}`,
    seed: 11,
    data: { chats: 100, messagesPerChat: 100, bigChatMessages: 300 },
    faults: FAULTS,
    // SmartSender's real 180 requests/minute would make this take an hour: the budget is raised
    // here (bench/sync-throughput.ts measures the real limit).
    rateLimit: { perMinute: UNLIMITED, lockoutMs: 50, maxLockoutMs: 200 },
  });
  bed.afterThisTest(() => fake.close());
  expect(messagesAtProvider(fake)).toBeGreaterThanOrEqual(10_000);
  const connectionId = await connectFake(bed.database.prisma, fake, {
    timeoutMs: CLIENT_TIMEOUT_MS,
    requestsPerMinute: UNLIMITED,
    lockoutMs: 50,
    maxLockoutMs: 200,
  });
  const seconds = await syncUntilBackfilled(connectionId, 240_000);
  const newest = await bed.database.prisma.message.count({ where: { chat: { connectionId } } });
  report("SmartSender newest pages", newest, seconds, fake);
  // Agents scrolling up in every chat, four at a time: a failure shows as "unavailable" and
  // the agent scrolls again.
  const chats = await bed.database.prisma.chat.findMany({ where: { connectionId }, select: { id: true } });
  await forEachLimited(chats, 4, async (chat) => {
    for (let more = true; more; ) {
      more = await loadOlderMessages(bed.database.prisma, chat.id).then(
        (result) => result.hasMore,
        () => true,
      );
    }
  });
  expect(faultsInjected(fake)).toBeGreaterThan(0);
  expect(await differencesFromFake(bed.database.prisma, connectionId, fake)).toEqual([]);
}, 300_000);
