import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import {
  type ChangeBatch,
  closeChangeListener,
  LISTENER_APPLICATION_NAME,
  subscribeToChanges,
} from "@/lib/events/listen";
import type { DeliveredChangeEvent } from "@/lib/events/types";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
/** Another app instance: its own pool, writing as that instance's sync or staff would. */
let otherInstance: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url });
  otherInstance = createPrismaClient(database.url, 4);
});
// A fresh listener per test, so one test's holes in the ids do not hold back the next one's resume point.
afterEach(async () => {
  await closeChangeListener();
});
afterAll(async () => {
  await otherInstance.$disconnect();
  await database.drop();
});

/** How long a notification may take to arrive, and how often the tests look. */
const ARRIVAL = { timeout: 5_000, interval: 10 };

function recorder() {
  const batches: ChangeBatch[] = [];
  const events = () => batches.flatMap((batch) => batch.events);
  return { batches, events, receive: (batch: ChangeBatch) => batches.push(batch) };
}

const chatChanged = (chatId: number) => ({ type: "chat.changed" as const, chatId, connectionId: "c-1" });
const idsOf = (events: DeliveredChangeEvent[]) => events.map((event) => Number(event.id));

describe("the shared change listener", () => {
  it("hands each change committed by another instance to every subscriber, once, and only after commit", async () => {
    const first = recorder();
    const second = recorder();
    const subscriptions = [await subscribeToChanges(first.receive), await subscribeToChanges(second.receive)];

    await emitChanges(otherInstance, [chatChanged(1), { type: "counts.changed", connectionId: "c-1" }]);
    await vi.waitFor(() => {
      expect(first.events()).toHaveLength(2);
      expect(second.events()).toHaveLength(2);
    }, ARRIVAL);
    expect(first.events()).toMatchObject([chatChanged(1), { type: "counts.changed", connectionId: "c-1" }]);
    expect(second.events()).toEqual(first.events());

    await expect(
      otherInstance.$transaction(async (tx) => {
        await emitChanges(tx, [chatChanged(2)]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await emitChanges(otherInstance, [chatChanged(3)]);
    await vi.waitFor(() => expect(first.events()).toHaveLength(3), ARRIVAL);
    expect(first.events().map((event) => event.type === "chat.changed" && event.chatId)).toEqual([1, false, 3]);
    expect(new Set(idsOf(first.events())).size).toBe(3);
    for (const subscription of subscriptions) subscription.unsubscribe();
  });

  it("moves the resume point past an event only when every earlier one was handed out", async () => {
    const seen = recorder();
    const subscription = await subscribeToChanges(seen.receive);
    let commitFirst: () => void = () => {};
    const firstCommitted = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    // The earlier id's transaction commits last.
    const slow = otherInstance.$transaction(async (tx) => {
      await emitChanges(tx, [chatChanged(10)]);
      await firstCommitted;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await emitChanges(database.prisma, [chatChanged(11)]);
    await vi.waitFor(() => expect(seen.events()).toHaveLength(1), ARRIVAL);
    const [later] = seen.batches;
    expect(later?.events).toMatchObject([chatChanged(11)]);
    expect(later?.cursor).toBeLessThan(BigInt(later?.events[0]?.id ?? 0));

    commitFirst();
    await slow;
    await vi.waitFor(() => expect(seen.events()).toHaveLength(2), ARRIVAL);
    const last = seen.batches.at(-1);
    expect(last?.events).toMatchObject([chatChanged(10)]);
    expect(last?.cursor).toBe(BigInt(later?.events[0]?.id ?? 0));
    subscription.unsubscribe();
  });

  it("reads what was written while its connection was down, and loses nothing", async () => {
    const seen = recorder();
    const subscription = await subscribeToChanges(seen.receive);
    const listenerPid = async () => {
      const rows = await database.prisma.$queryRaw<Array<{ pid: number }>>`
        SELECT pid FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME}
          AND datname = current_database()`;
      return rows[0]?.pid ?? null;
    };
    const before = await listenerPid();
    expect(before).not.toBeNull();

    // Committed just after the listener's connection was cut: their notices go nowhere.
    await otherInstance.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_terminate_backend(${before}::int)`;
      for (let chatId = 20; chatId < 25; chatId += 1) await emitChanges(tx, [chatChanged(chatId)]);
    });
    await vi.waitFor(() => expect(seen.events()).toHaveLength(5), { ...ARRIVAL, timeout: 10_000 });
    // Read back from the table once it listens again: every one, each once.
    const chatIds = seen.events().map((event) => (event.type === "chat.changed" ? event.chatId : null));
    expect(chatIds.sort()).toEqual([20, 21, 22, 23, 24]);
    const after = await listenerPid();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);

    await emitChanges(otherInstance, [chatChanged(25)]);
    await vi.waitFor(() => expect(seen.events()).toHaveLength(6), ARRIVAL);
    expect(new Set(idsOf(seen.events())).size).toBe(6);
    subscription.unsubscribe();
  });

  it("fetches an event too large for a NOTIFY payload by its id", async () => {
    const seen = recorder();
    const subscription = await subscribeToChanges(seen.receive);
    const messageIds = Array.from({ length: 3_000 }, (_, index) => 100_000 + index);
    await emitChanges(otherInstance, [{ type: "messages.changed", chatId: 7, messageIds }]);
    await vi.waitFor(() => expect(seen.events()).toHaveLength(1), ARRIVAL);
    expect(seen.events()[0]).toMatchObject({ type: "messages.changed", chatId: 7, messageIds });
    subscription.unsubscribe();
  });
});
