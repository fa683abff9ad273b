import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ingestChats, ingestMessages } from "@/lib/ingest/ingest";
import { pendingExternalId } from "@/lib/ingest/pending-id";
import { recordSentMessage } from "@/lib/ingest/record-sent";
import { chatRow, messageRow, storedConnection } from "@/lib/ingest/testing/rows";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let prisma: Db;
let chatId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  const connectionId = await storedConnection(prisma);
  const ids = await ingestChats(prisma, connectionId, [chatRow("c1")]);
  chatId = ids.get("c1") ?? 0;
});
afterAll(async () => {
  await database.drop();
});

async function pendingSend(text: string) {
  const clientId = randomUUID();
  return prisma.message.create({
    data: {
      chatId,
      externalId: pendingExternalId(clientId),
      direction: "outbound",
      text,
      createdAt: new Date(),
      deliveryState: "pending",
      clientId,
      authorName: "Agent Smith",
    },
  });
}

describe("recording a delivered send", () => {
  it("merges the row the sync stored for the provider's copy into ours, keeping one message", async () => {
    const ours = await pendingSend("See you tomorrow");
    // The sync listed the provider's copy first and, the provider's clock being ten minutes
    // ahead, did not take it for ours: it stored a row of its own (with a reaction the customer
    // already added), and a later reply quotes that row.
    const copy = messageRow("c1", "p-900", new Date(Date.now() + 10 * 60_000), {
      direction: "outbound",
      text: "See you tomorrow",
      deliveryState: "read",
      reactions: [{ emoji: "👍", authorExternalId: "customer-1", authorName: "Customer" }],
    });
    await ingestMessages(prisma, chatId, [copy]);
    const twin = await prisma.message.findUniqueOrThrow({
      where: { chatId_externalId: { chatId, externalId: "p-900" } },
    });
    expect(twin.id).not.toBe(ours.id);
    await ingestMessages(prisma, chatId, [
      messageRow("c1", "p-901", new Date(), { replyTo: { externalId: "p-900", authorName: null, text: null } }),
    ]);

    const touched = await prisma.$transaction((tx) =>
      recordSentMessage(tx, ours.id, { ...copy, deliveryState: "sent", reactions: [] }),
    );

    expect(touched.sort()).toEqual([ours.id, twin.id].sort());
    const rows = await prisma.message.findMany({ where: { chatId, text: "See you tomorrow" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: ours.id, externalId: "p-900", clientId: ours.clientId, deliveryState: "read" });
    expect(await prisma.reaction.findMany({ where: { messageId: ours.id } })).toMatchObject([{ emoji: "👍" }]);
    const reply = await prisma.message.findUniqueOrThrow({
      where: { chatId_externalId: { chatId, externalId: "p-901" } },
    });
    expect(reply.replyToId).toBe(ours.id);
  });

  it("marks a send sent under our id when the provider gives no copy back", async () => {
    const ours = await pendingSend("Thanks!");
    await prisma.$transaction((tx) => recordSentMessage(tx, ours.id, null));
    expect(await prisma.message.findUniqueOrThrow({ where: { id: ours.id } })).toMatchObject({
      externalId: ours.externalId,
      deliveryState: "sent",
      deliveryError: null,
    });
  });

  it("keeps another inbox send's row under the provider's id apart instead of merging it", async () => {
    const ours = await pendingSend("ok");
    const other = await pendingSend("ok");
    await prisma.message.update({ where: { id: other.id }, data: { externalId: "p-950", deliveryState: "sent" } });
    const copy = messageRow("c1", "p-950", new Date(), { direction: "outbound", text: "ok" });
    const touched = await prisma.$transaction((tx) => recordSentMessage(tx, ours.id, copy));
    expect(touched).toEqual([ours.id]);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ externalId: "p-950" });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: ours.id } })).toMatchObject({
      externalId: ours.externalId,
      deliveryState: "sent",
    });
  });
});
