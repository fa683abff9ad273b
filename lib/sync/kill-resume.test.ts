/**
 * A sync process killed in the middle of its backfill (SIGKILL: no cleanup at all) and started
 * again goes on from its saved cursor, not from the beginning, and ends equal to the provider.
 */
import { expect, it, vi } from "vitest";
import { readSyncCursor } from "@/lib/sync/sync-cursor";
import {
  backfillSizedSmartSender,
  connectFake,
  differencesFromFake,
  UNLIMITED,
} from "@/lib/sync/testing/fake-connection";
import { startSyncChild } from "@/lib/sync/testing/sync-child";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import { FAST_TUNING } from "@/lib/sync/testing/tuning";
import type { RecordedCall } from "@/sandbox/core/server";
import { startMaxFake } from "@/sandbox/max/index";

const bed = syncTestBed();

const startChild = (instanceId: string) => {
  const child = startSyncChild({ databaseUrl: bed.database.url, instanceId, tuning: FAST_TUNING });
  bed.afterThisTest(() => child.stop("SIGKILL"));
  return child;
};

it("SmartSender: the polling cycle resumes at the saved page after a SIGKILL", async () => {
  const fake = await backfillSizedSmartSender(`kill-smartsender-${process.pid}`, 25);
  bed.afterThisTest(() => fake.close());
  const connectionId = await connectFake(bed.database.prisma, fake, { requestsPerMinute: UNLIMITED });
  const first = startChild("first");
  const reached = await vi.waitFor(
    async () => {
      const page = (await readSyncCursor(bed.database.prisma, connectionId)).chatPage;
      expect(page, "the polling cycle passed page 3").toMatch(/^open:([3-9]|\d{2,})$/);
      return page;
    },
    { timeout: 60_000, interval: 20 },
  );
  await first.stop("SIGKILL");
  const saved = (await readSyncCursor(bed.database.prisma, connectionId)).chatPage;
  expect(saved).not.toBeNull();
  const callsBeforeRestart = fake.calls.length;

  startChild("second");
  await bed.backfilled(connectionId, 120_000);
  const chatListCalls = fake.calls
    .slice(callsBeforeRestart)
    .filter((call: RecordedCall) => call.method === "GET" && call.path === "/v1/chats");
  const [state, page] = (saved ?? "").split(":");
  process.stdout.write(
    `    killed after reaching ${reached}; saved ${saved}; restart began at ${JSON.stringify(chatListCalls[0]?.query)}\n`,
  );
  expect(chatListCalls[0]?.query).toMatchObject({ state, page });
  expect(chatListCalls.some((call) => call.query.state === "open" && call.query.page === "1")).toBe(false);
  expect(await differencesFromFake(bed.database.prisma, connectionId, fake)).toEqual([]);
}, 180_000);

it("MAX: long polling resumes from the saved marker after a SIGKILL", async () => {
  const fake = await startMaxFake({
    token: `kill-max-${process.pid}`,
    seed: 3,
    data: { chats: 80, messagesPerChat: 60, bigChatMessages: 100 },
    faults: { latencyMs: 150 },
  });
  bed.afterThisTest(() => fake.close());
  const connectionId = await connectFake(bed.database.prisma, fake);
  const first = startChild("first");
  await vi.waitFor(
    async () =>
      expect(
        (await readSyncCursor(bed.database.prisma, connectionId)).updatesMarker,
        "a first batch stored",
      ).not.toBeNull(),
    { timeout: 60_000, interval: 20 },
  );
  await first.stop("SIGKILL");
  const saved = (await readSyncCursor(bed.database.prisma, connectionId)).updatesMarker;
  const connection = await bed.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(connection.backfillDoneAt).toBeNull();
  const callsBeforeRestart = fake.calls.length;

  startChild("second");
  await bed.backfilled(connectionId, 120_000);
  const polls = fake.calls.slice(callsBeforeRestart).filter((call) => call.path === "/updates");
  process.stdout.write(`    saved marker ${saved}; restart polled from ${polls[0]?.query.marker}\n`);
  expect(polls[0]?.query.marker).toBe(saved);
  expect(await differencesFromFake(bed.database.prisma, connectionId, fake)).toEqual([]);
}, 180_000);
