/**
 * What agents trigger: scrolling up past the cache loads older pages from the provider, and
 * opening a chat refreshes it (chat, newest messages, members) at once, coalesced.
 */
import { expect, it } from "vitest";
import { readThread } from "@/lib/messages/read-thread";
import { loadOlderMessages } from "@/lib/sync/load-older";
import { requestChatRefresh } from "@/lib/sync/refresh-chat";
import { connectFake, UNLIMITED } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import { startChatOpsFake } from "@/sandbox/chatops/index";
import type { SandboxFake } from "@/sandbox/core/provider";
import { startMaxFake } from "@/sandbox/max/index";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const bed = syncTestBed();

/** Connects a fake and runs one backfill of it, then stops the sync (agents act on the cache). */
async function backfilled(fake: SandboxFake, settings: Record<string, unknown> = {}): Promise<string> {
  bed.afterThisTest(() => fake.close());
  const connectionId = await connectFake(bed.database.prisma, fake, settings);
  const sync = bed.startSync("agents");
  try {
    await bed.backfilled(connectionId, 60_000);
  } finally {
    await sync.stop();
  }
  return connectionId;
}

it("scrolling up a 300-message SmartSender thread loads its whole history, then says there is no more", async () => {
  const fake = await startSmartSenderFake({
    token: `older-${process.pid}`,
    data: { chats: 3, bigChatMessages: 300 },
    rateLimit: { perMinute: UNLIMITED },
  });
  const connectionId = await backfilled(fake, { requestsPerMinute: UNLIMITED });
  const big = fake.snapshot().chats.find((chat) => chat.messageExternalIds.length === 300);
  const chat = await bed.database.prisma.chat.findFirstOrThrow({
    where: { connectionId, externalId: big?.externalId },
  });
  expect(await bed.database.prisma.message.count({ where: { chatId: chat.id } })).toBe(20);

  const seen: string[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await readThread(bed.database.prisma, chat.id, { limit: 50, before });
    expect(page.olderUnavailable).toBe(false);
    seen.push(...page.items.map((message) => message.externalId));
    if (page.nextCursor === null) break;
    before = page.nextCursor;
  }
  expect(new Set(seen).size).toBe(300);
  expect(new Set(seen)).toEqual(new Set(big?.messageExternalIds));
  const after = await bed.database.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } });
  expect(after.hasOlderMessages).toBe(false);
  expect(await loadOlderMessages(bed.database.prisma, chat.id)).toEqual({ loaded: 0, hasMore: false });
}, 90_000);

it("a provider without a message list has no older messages to load", async () => {
  const fake = await startChatOpsFake({ token: `older-chatops-${process.pid}`, data: { chats: 3 } });
  const connectionId = await backfilled(fake);
  const chat = await bed.database.prisma.chat.findFirstOrThrow({ where: { connectionId } });
  expect(await loadOlderMessages(bed.database.prisma, chat.id)).toEqual({ loaded: 0, hasMore: false });
  expect((await bed.database.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).hasOlderMessages).toBe(false);
}, 60_000);

it("opening a chat refreshes it at once — chat, newest messages, members — once however often it is opened", async () => {
  const fake = await startMaxFake({ token: `refresh-${process.pid}` });
  const connectionId = await backfilled(fake);
  const group = await bed.database.prisma.chat.findFirstOrThrow({
    where: { connectionId, kind: "group", status: "open" },
    orderBy: { id: "asc" },
  });
  const injected = fake.injectInboundMessage({ chatExternalId: group.externalId, text: "Anyone there?" });
  fake.clearCalls();
  // Three agents open it at the same moment, then one opens it again.
  await Promise.all([
    requestChatRefresh(bed.database.prisma, group.id),
    requestChatRefresh(bed.database.prisma, group.id),
    requestChatRefresh(bed.database.prisma, group.id),
  ]);
  await requestChatRefresh(bed.database.prisma, group.id);
  const paths = fake.calls.map((call) => call.path);
  expect(paths.filter((path) => path === `/chats/${group.externalId}`)).toHaveLength(1);
  expect(paths.filter((path) => path === `/chats/${group.externalId}/members`)).toHaveLength(1);
  expect(paths.filter((path) => path === "/messages")).toHaveLength(1);
  expect(
    await bed.database.prisma.message.count({ where: { chatId: group.id, externalId: injected.messageExternalId } }),
  ).toBe(1);
  const members = await bed.database.prisma.participant.count({ where: { chatId: group.id, isActive: true } });
  expect(members).toBeGreaterThan(1);
}, 60_000);

it("a refresh while the provider fails changes nothing and throws nothing", async () => {
  const fake = await startMaxFake({ token: `refresh-down-${process.pid}` });
  const connectionId = await backfilled(fake);
  const chat = await bed.database.prisma.chat.findFirstOrThrow({ where: { connectionId }, orderBy: { id: "desc" } });
  const before = await bed.database.prisma.message.count({ where: { chatId: chat.id } });
  fake.setFaults({ forceStatus: 500 });
  await expect(requestChatRefresh(bed.database.prisma, chat.id)).resolves.toBeUndefined();
  expect(await bed.database.prisma.message.count({ where: { chatId: chat.id } })).toBe(before);
}, 60_000);
