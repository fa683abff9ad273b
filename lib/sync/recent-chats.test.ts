/**
 * SmartSender polling after the backfill (docs/providers/smartsender.md "stopping early"): a cycle
 * reads the unread chats and a few pages of a rolling walk over open chats, not every page of the
 * list, and a customer writing in any chat, however far down the list, still arrives next cycle.
 * Requests are counted where SmartSender would count them: at the sandbox.
 */
import { expect, it, vi } from "vitest";
import { connectFake, UNLIMITED } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import { fakeForTest } from "@/sandbox/core/testing";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const bed = syncTestBed();
const POLL_INTERVAL_MS = 700;
const ROLLING_PAGES = 2;

it("after the backfill a cycle costs the unread pages and a rolling slice, and misses no customer", async () => {
  const fake = await fakeForTest(
    startSmartSenderFake({
      token: `recent-chats-${process.pid}`,
      data: { chats: 300, messagesPerChat: 2, bigChatMessages: 5 },
      rateLimit: { perMinute: UNLIMITED },
    }),
  );
  const prisma = bed.database.prisma;
  const connectionId = await connectFake(prisma, fake, { requestsPerMinute: UNLIMITED, rollingPages: ROLLING_PAGES });
  bed.startSync("recent-chats", { pollIntervalMs: POLL_INTERVAL_MS });
  await bed.backfilled(connectionId, 60_000);
  const fullWalk = fake.calls.filter((call) => call.path === "/v1/chats").length;

  // Read every chat at SmartSender, so the unread list is empty, then watch a few cycles.
  for (const chat of fake.snapshot().chats) {
    await fetch(`${fake.url}/v1/chats/${chat.externalId}/read`, {
      method: "PUT",
      headers: { authorization: `Bearer ${fake.token}` },
    });
  }
  fake.clearCalls();
  const cycles = 3;
  await vi.waitFor(
    () =>
      expect(
        fake.calls.filter((call) => call.path === "/v1/chats" && call.query["selector[name]"] === "unread").length,
      ).toBeGreaterThanOrEqual(cycles + 1),
    { timeout: 20_000, interval: 50 },
  );
  const lists = fake.calls.filter((call) => call.path === "/v1/chats");
  const unreadFirstPages = lists.filter((call) => call.query["selector[name]"] === "unread" && call.query.page === "1");
  const perCycle = lists.length / unreadFirstPages.length;
  process.stdout.write(
    `    SmartSender, 300 chats: full walk ${fullWalk} list requests, then ${perCycle.toFixed(1)} per cycle\n`,
  );
  expect(fullWalk).toBeGreaterThanOrEqual(15);
  // One unread page (nothing unread) and the rolling slice, each cycle, give or take the cycle in flight.
  expect(perCycle).toBeLessThanOrEqual(1 + ROLLING_PAGES + 0.5);
  // The rolling walk moves on: open pages 1, 2, 3, ... not page 1 again and again.
  const rollingPages = lists.filter((call) => call.query.state === "open").map((call) => Number(call.query.page));
  expect(new Set(rollingPages).size).toBeGreaterThan(ROLLING_PAGES);

  // A customer writes in the chat listed last: the unread list brings it next cycle.
  const last = fake.snapshot().chats.at(-1);
  if (!last) throw new Error("the sandbox has chats");
  const written = fake.injectInboundMessage({ chatExternalId: last.externalId, text: "Far down the list" });
  const startedAt = Date.now();
  await vi.waitFor(
    async () => {
      const message = await prisma.message.findFirst({
        where: { externalId: written.messageExternalId, chat: { connectionId, externalId: last.externalId } },
      });
      expect(message?.text).toBe("Far down the list");
    },
    { timeout: 10_000, interval: 50 },
  );
  expect(Date.now() - startedAt).toBeLessThanOrEqual(POLL_INTERVAL_MS + 2_000);
}, 120_000);
