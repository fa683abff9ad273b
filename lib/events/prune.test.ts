import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CHANGE_EVENT_RETENTION_MS, pruneChangeEvents, startChangeEventPruner } from "@/lib/events/prune";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

describe("pruning change events", () => {
  it("deletes only the events older than the retention window, in batches", async () => {
    const prisma = database.prisma;
    await prisma.changeEvent.createMany({
      data: Array.from({ length: 6_000 }, () => ({ type: "counts.changed", createdAt: hoursAgo(30) })),
    });
    await prisma.changeEvent.createMany({
      data: [
        { type: "chat.changed", payload: { chatId: 1, connectionId: "c" }, createdAt: hoursAgo(23) },
        { type: "counts.changed", createdAt: new Date() },
      ],
    });
    expect(CHANGE_EVENT_RETENTION_MS).toBe(24 * 60 * 60 * 1000);
    expect(await pruneChangeEvents(prisma)).toBe(6_000);
    expect(await prisma.changeEvent.count()).toBe(2);
  });

  it("prunes on its own once started", async () => {
    const prisma = database.prisma;
    await prisma.changeEvent.create({ data: { type: "counts.changed", createdAt: hoursAgo(1) } });
    const pruner = startChangeEventPruner({ prisma, retentionMs: 30 * 60 * 1000, intervalMs: 50 });
    await vi.waitFor(
      async () => expect(await prisma.changeEvent.count({ where: { createdAt: { lt: hoursAgo(0.5) } } })).toBe(0),
      { timeout: 5_000, interval: 20 },
    );
    await pruner.stop();
    expect(await prisma.changeEvent.count({ where: { createdAt: { gte: hoursAgo(0.5) } } })).toBeGreaterThan(0);
  });
});
