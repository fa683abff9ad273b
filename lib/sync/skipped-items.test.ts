/**
 * One bad item never stalls a provider (docs/providers/README.md, rule 1): a MAX update that fails
 * its schema in the middle of a long-polling batch is skipped and counted on the connection, the
 * updates around it are stored, and the marker moves past it. The provider here is a small MAX
 * server on loopback answering the documented shapes, with one broken update in its batch.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it, vi } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import { hasRuntimeSecretKey, provideRuntime, runtimeSecretKey } from "@/lib/runtime";
import { skippedItemsOf } from "@/lib/sync/health";
import { TEST_SECRET_KEY } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";

const bed = syncTestBed();

const CHAT_ID = -70400000001;
const user = (id: number, name: string) => ({ user_id: id, first_name: name, is_bot: id === 1 });
const created = (mid: string, timestamp: number) => ({
  update_type: "message_created",
  timestamp,
  message: {
    sender: user(42, "Olena"),
    recipient: { chat_id: CHAT_ID, chat_type: "chat", user_id: null },
    timestamp,
    body: { mid, seq: timestamp, text: `text ${mid}`, attachments: null },
  },
});

async function startMaxWithABadUpdate() {
  const batches = [
    {
      updates: [
        created("mid.1", 1_790_000_000_000),
        // No chat id, a number for a mid: fails the schema.
        { update_type: "message_created", timestamp: 1_790_000_000_500, message: { body: { mid: 7 } } },
        created("mid.3", 1_790_000_001_000),
      ],
      marker: 3,
    },
  ];
  const markers: Array<string | null> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://max.local");
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/me") return json(user(1, "Bot"));
    if (url.pathname === `/chats/${CHAT_ID}`) {
      return json({
        chat_id: CHAT_ID,
        type: "chat",
        status: "active",
        title: "Group",
        icon: null,
        last_event_time: 1_790_000_001_000,
        participants_count: 2,
        is_public: false,
        description: null,
      });
    }
    if (url.pathname === "/updates") {
      markers.push(url.searchParams.get("marker"));
      const next = batches.shift();
      if (next) return json(next);
      setTimeout(() => json({ updates: [], marker: 3 }), 200);
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "not.found", message: "Not found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  bed.afterThisTest(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, markers };
}

it("MAX: a bad update mid-batch is skipped and counted; the others are stored and the marker advances", async () => {
  const max = await startMaxWithABadUpdate();
  if (!hasRuntimeSecretKey()) provideRuntime({ secretKey: TEST_SECRET_KEY });
  const { prisma } = bed.database;
  const { id: connectionId } = await prisma.connection.create({
    data: {
      slug: `test:max-skip:${process.pid}`,
      kind: "max",
      displayName: "MAX",
      baseUrl: max.url,
      credentials: seal(JSON.stringify({ token: "t" }), runtimeSecretKey()),
      isSandbox: true,
    },
  });
  bed.startSync("skip-test");
  await vi.waitFor(
    async () => {
      const stored = await prisma.message.findMany({ where: { chat: { connectionId } }, select: { externalId: true } });
      expect(stored.map((row) => row.externalId).sort()).toEqual(["mid.1", "mid.3"]);
      expect(max.markers, "the next poll starts after the bad update").toContain("3");
    },
    { timeout: 20_000, interval: 100 },
  );
  const skipped = (await skippedItemsOf(prisma, [connectionId])).get(connectionId);
  expect(skipped?.count).toBe(1);
  expect(skipped?.since).not.toBeNull();
  const connection = await prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(connection.syncCursor).toMatchObject({ updatesMarker: "3" });
});
