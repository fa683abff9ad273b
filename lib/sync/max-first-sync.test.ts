/**
 * A new MAX connection against MAX as it behaves since 2026-05-07 (a marker-less GET /updates
 * answers only the last update; docs/providers/max.md): long polling learns the chat of that last
 * update, nothing of the older backlog, and then every chat something happens in.
 */
import { expect, it, vi } from "vitest";
import { connectFake } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import { fakeForTest } from "@/sandbox/core/testing";
import { startMaxFake } from "@/sandbox/max/index";

const bed = syncTestBed();

it("starts from the last update only, then learns chats from what happens in them", async () => {
  const fake = await fakeForTest(
    startMaxFake({ token: "max-first-sync", data: { chats: 4, messagesPerChat: 3 }, markerlessGivesLast: true }),
  );
  const prisma = bed.database.prisma;
  const connectionId = await connectFake(prisma, fake);
  bed.startSync("first-sync");
  await bed.backfilled(connectionId, 15_000);
  const known = await prisma.chat.findMany({ where: { connectionId }, select: { externalId: true } });
  expect(known.length).toBe(1);
  expect(fake.snapshot().chats.length).toBeGreaterThan(1);

  const older = fake.snapshot().chats.find((chat) => chat.externalId !== known[0]?.externalId);
  if (!older) throw new Error("the sandbox has a second chat");
  const written = fake.injectInboundMessage({ chatExternalId: older.externalId, text: "Back again" });
  await vi.waitFor(
    async () => {
      const message = await prisma.message.findFirst({
        where: { externalId: written.messageExternalId, chat: { connectionId, externalId: older.externalId } },
      });
      expect(message?.text).toBe("Back again");
    },
    { timeout: 15_000, interval: 100 },
  );
});
