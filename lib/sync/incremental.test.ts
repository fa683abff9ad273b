/**
 * After the backfill: what customers write reaches the cache quickly (MAX by long polling,
 * others by polling), and a poll only fetches the messages of chats that changed.
 */
import { expect, it, vi } from "vitest";
import { connectFake, UNLIMITED } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import type { SandboxFake } from "@/sandbox/core/provider";
import { startMaxFake } from "@/sandbox/max/index";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const bed = syncTestBed();

const POLL_INTERVAL_MS = 1_000;

async function synced(fake: SandboxFake, settings: Record<string, unknown> = {}) {
  bed.afterThisTest(() => fake.close());
  const connectionId = await connectFake(bed.database.prisma, fake, settings);
  const sync = bed.startSync("incremental", { pollIntervalMs: POLL_INTERVAL_MS, tuning: { longPollSeconds: 30 } });
  await bed.backfilled(connectionId, 60_000);
  return { connectionId, stopSync: sync.stop };
}

/** Injects a customer's message and measures how long until it is in the cache. */
async function delivery(fake: SandboxFake, connectionId: string, chatExternalId?: string) {
  const injectedAt = Date.now();
  const injected = fake.injectInboundMessage({ chatExternalId, text: `Where is my order? ${injectedAt}` });
  const message = await vi.waitFor(
    async () => {
      const found = await bed.database.prisma.message.findFirst({
        where: { externalId: injected.messageExternalId, chat: { connectionId, externalId: injected.chatExternalId } },
        include: { chat: true },
      });
      if (!found) throw new Error("the injected message is not stored yet");
      return found;
    },
    { timeout: 15_000, interval: 10 },
  );
  return { ms: Date.now() - injectedAt, message, injected };
}

it("MAX: a customer's message is cached within a second by long polling, new chats included", async () => {
  const fake = await startMaxFake({ token: `incremental-max-${process.pid}` });
  const { connectionId, stopSync } = await synced(fake);
  const chat = await bed.database.prisma.chat.findFirstOrThrow({
    where: { connectionId, kind: "dialog", status: "open" },
  });
  // The long poll is waiting now; measure a few deliveries.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const known = await delivery(fake, connectionId, chat.externalId);
  const fresh = await delivery(fake, connectionId);
  process.stdout.write(`    MAX: existing chat ${known.ms} ms, new chat ${fresh.ms} ms\n`);
  expect(known.ms).toBeLessThanOrEqual(1_000);
  expect(fresh.ms).toBeLessThanOrEqual(1_000);
  expect(known.message.chat.unreadCount).toBeGreaterThanOrEqual(1);
  expect(fresh.message.chat.title).not.toBe(`Chat ${fresh.injected.chatExternalId}`);
  const events = await bed.database.prisma.changeEvent.findMany({ where: { type: "messages.changed" } });
  expect(events.some((event) => (event.payload as { chatId: number }).chatId === known.message.chatId)).toBe(true);
  // Stopping does not wait for the 30 s long poll under way.
  const stoppingAt = Date.now();
  await stopSync();
  expect(Date.now() - stoppingAt).toBeLessThan(2_000);
}, 90_000);

it("SmartSender: a customer's message is cached within the poll interval, and quiet chats cost no requests", async () => {
  const fake = await startSmartSenderFake({
    token: `incremental-smartsender-${process.pid}`,
    rateLimit: { perMinute: UNLIMITED },
  });
  const { connectionId } = await synced(fake, { requestsPerMinute: UNLIMITED });
  const chat = await bed.database.prisma.chat.findFirstOrThrow({ where: { connectionId, status: "open" } });
  // Nothing changes for two cycles: only the chat list is asked for.
  fake.clearCalls();
  await new Promise((resolve) => setTimeout(resolve, 2 * POLL_INTERVAL_MS + 200));
  const quiet = fake.calls.map((call) => call.path);
  expect(quiet.length).toBeGreaterThan(0);
  expect(quiet.every((path) => path === "/v1/chats")).toBe(true);

  const { ms, message } = await delivery(fake, connectionId, chat.externalId);
  process.stdout.write(`    SmartSender (poll every ${POLL_INTERVAL_MS} ms): ${ms} ms\n`);
  expect(ms).toBeLessThanOrEqual(POLL_INTERVAL_MS + 1_000);
  expect(message.chat.unreadCount).toBeGreaterThanOrEqual(1);
  // Exactly that chat's newest page was fetched for it.
  expect(fake.calls.filter((call) => call.path.endsWith("/messages")).map((call) => call.path)).toEqual([
    `/v1/chats/${chat.externalId}/messages`,
  ]);
}, 90_000);

it("SmartSender: a burst of more messages than a page holds arrives without a gap", async () => {
  const fake = await startSmartSenderFake({
    token: `incremental-burst-${process.pid}`,
    data: { chats: 5 },
    rateLimit: { perMinute: UNLIMITED },
  });
  const { connectionId } = await synced(fake, { requestsPerMinute: UNLIMITED });
  const chat = await bed.database.prisma.chat.findFirstOrThrow({ where: { connectionId, status: "open" } });
  const burst = Array.from({ length: 45 }, (_, index) =>
    fake.injectInboundMessage({ chatExternalId: chat.externalId, text: `Burst ${index}` }),
  );
  const expected = burst.map((message) => message.messageExternalId);
  await vi.waitFor(
    async () =>
      expect(
        await bed.database.prisma.message.count({ where: { chatId: chat.id, externalId: { in: expected } } }),
      ).toBe(45),
    { timeout: 10_000, interval: 100 },
  );
}, 60_000);
