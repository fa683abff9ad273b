/**
 * Two app instances on one database: each connection is synced by one of them at a time, a
 * killed instance's connections are taken over by the other, no chat is ever synced by both
 * at the same moment, and the final state equals the providers.
 */
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import {
  backfillSizedSmartSender,
  connectFake,
  differencesFromFake,
  UNLIMITED,
} from "@/lib/sync/testing/fake-connection";
import { type SyncChild, startSyncChild } from "@/lib/sync/testing/sync-child";
import { FAST_TUNING } from "@/lib/sync/testing/tuning";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import type { SandboxFake } from "@/sandbox/core/provider";
import { startMaxFake } from "@/sandbox/max/index";

let database: TestDatabase;
const fakes: SandboxFake[] = [];
const children: SyncChild[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(children.map((child) => child.stop("SIGKILL")));
  await Promise.all(fakes.map((fake) => fake.close()));
  await database.drop();
});

type Span = { instanceId: string; chatId: number; startedAt: number; endedAt: number };
type Claim = { instanceId: string; connectionId: string; at: number };

function spansOf(child: SyncChild): Span[] {
  return child
    .logs()
    .filter((line) => line.msg === "chat synced")
    .map((line) => ({
      instanceId: child.instanceId,
      chatId: Number(line.chatId),
      startedAt: Number(line.startedAt),
      endedAt: Number(line.endedAt),
    }));
}

function claimsOf(child: SyncChild): Claim[] {
  return child
    .logs()
    .filter((line) => line.msg === "syncing connection")
    .map((line) => ({ instanceId: child.instanceId, connectionId: String(line.connectionId), at: Number(line.time) }));
}

/** Pairs of spans of one chat, from different instances, that overlap in time. */
function overlaps(spans: Span[]): Array<[Span, Span]> {
  const found: Array<[Span, Span]> = [];
  for (const a of spans) {
    for (const b of spans) {
      if (a.instanceId < b.instanceId && a.chatId === b.chatId && a.startedAt < b.endedAt && b.startedAt < a.endedAt) {
        found.push([a, b]);
      }
    }
  }
  return found;
}

it("syncs each connection from one instance at a time, hands over on a crash, and ends equal", async () => {
  const smartsender = await backfillSizedSmartSender(`two-smartsender-${process.pid}`, 20);
  const max = await startMaxFake({
    token: `two-max-${process.pid}`,
    seed: 5,
    data: { chats: 60, messagesPerChat: 40, bigChatMessages: 100 },
    faults: { latencyMs: 150 },
  });
  fakes.push(smartsender, max);
  const connections = {
    smartsender: await connectFake(database.prisma, smartsender, { requestsPerMinute: UNLIMITED }),
    max: await connectFake(database.prisma, max),
  };
  const start = (instanceId: string) => {
    const child = startSyncChild({ databaseUrl: database.url, instanceId, tuning: FAST_TUNING, pollIntervalMs: 1_000 });
    children.push(child);
    return child;
  };
  const instances = [start("instance-a"), start("instance-b")];

  // Whoever holds SmartSender is killed half-way through its backfill.
  const holder = await vi.waitFor(
    () => {
      const claimer = instances.find((child) =>
        claimsOf(child).some((claim) => claim.connectionId === connections.smartsender),
      );
      if (!claimer) throw new Error("no instance has claimed SmartSender yet");
      return claimer;
    },
    { timeout: 60_000, interval: 100 },
  );
  await vi.waitFor(
    async () =>
      expect(
        await database.prisma.chat.count({ where: { connectionId: connections.smartsender } }),
        "SmartSender's backfill is under way",
      ).toBeGreaterThanOrEqual(60),
    { timeout: 60_000, interval: 20 },
  );
  const spansBeforeKill = spansOf(holder);
  const claimsBeforeKill = claimsOf(holder);
  const killedAt = Date.now();
  await holder.stop("SIGKILL");
  const survivor = instances.find((child) => child !== holder) as SyncChild;

  await vi.waitFor(
    async () =>
      expect(await database.prisma.connection.count({ where: { backfillDoneAt: null } }), "backfills unfinished").toBe(
        0,
      ),
    { timeout: 120_000, interval: 200 },
  );
  // A few more poll cycles from the survivor, then a clean stop.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await survivor.stop("SIGTERM");

  const takeover = claimsOf(survivor).find((claim) => claim.connectionId === connections.smartsender);
  expect(takeover?.at).toBeGreaterThanOrEqual(killedAt);
  // Whatever the killed instance held, the survivor only got after the kill.
  const heldByKilled = new Set(claimsBeforeKill.map((claim) => claim.connectionId));
  const early = claimsOf(survivor).filter((claim) => heldByKilled.has(claim.connectionId) && claim.at < killedAt);
  expect(early).toEqual([]);
  expect(claimsBeforeKill.length + claimsOf(survivor).length).toBeGreaterThanOrEqual(3);

  const spans = [...spansBeforeKill, ...spansOf(survivor)];
  process.stdout.write(
    `    ${holder.instanceId} synced ${spansBeforeKill.length} chat batches before it was killed; ` +
      `${survivor.instanceId} took SmartSender over ${((takeover?.at ?? 0) - killedAt) / 1000} s later and synced ${spansOf(survivor).length}\n`,
  );
  expect(spansBeforeKill.length).toBeGreaterThan(0);
  expect(overlaps(spans)).toEqual([]);
  expect(await differencesFromFake(database.prisma, connections.smartsender, smartsender)).toEqual([]);
  expect(await differencesFromFake(database.prisma, connections.max, max)).toEqual([]);
}, 240_000);
