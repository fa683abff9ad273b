/**
 * A phone lookup at the Telegram bridge whose answer holds a message record the inbox cannot
 * read: the chat and its other messages are stored, and the bad record is counted on the
 * connection like every skipped item (docs/providers/README.md, rule 1). The bridge here is a
 * small loopback server answering the seed's GetActiveChatByPhone sample plus one broken record.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { lookupByPhone } from "@/lib/chats/lookup";
import { seal } from "@/lib/crypto/secret-box";
import activeChat from "@/lib/providers/tgbridge/fixtures/get-active-chat-by-phone.json";
import { hasRuntimeSecretKey, provideRuntime, runtimeSecretKey } from "@/lib/runtime";
import { TEST_SECRET_KEY } from "@/lib/sync/testing/fake-connection";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  if (!hasRuntimeSecretKey()) provideRuntime({ secretKey: TEST_SECRET_KEY });
  const answer = { ...activeChat, Messages: [...activeChat.Messages, { Id: "not a number", Created: 7 }] };
  server = http.createServer((req, res) => {
    res.writeHead(req.url?.includes("GetActiveChatByPhone") ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(req.url?.includes("GetActiveChatByPhone") ? answer : { Message: "Not found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await database?.drop();
});

it("stores the chat found by phone and counts the message record it could not read", async () => {
  const prisma = database.prisma;
  const connection = await prisma.connection.create({
    data: {
      slug: "test:tgbridge:lookup",
      kind: "tgbridge",
      displayName: "Bridge",
      baseUrl,
      credentials: seal(JSON.stringify({ token: "lookup-token" }), runtimeSecretKey()),
      settings: { employeeId: 1 },
    },
  });
  const user = await prisma.user.create({ data: { id: "lookup-user", name: "Agent", email: "agent@example.com" } });
  const { chatId } = await lookupByPhone(prisma, user.id, { phone: "+380 50 000 00 00", name: "Test", source: 0 });
  const stored = await prisma.message.count({ where: { chatId } });
  // The seed's two sample records share one Id: one message.
  expect(stored).toBe(new Set(activeChat.Messages.map((message) => message.Id)).size);
  const counted = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
  expect(counted.skippedItems).toBe(1);
  expect(counted.skippedItemsSince).not.toBeNull();
});
