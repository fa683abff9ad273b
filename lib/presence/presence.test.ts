import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { closeChangeListener, subscribeToPresence } from "@/lib/events/listen";
import type { PresenceNotice } from "@/lib/events/types";
import { ingestChats } from "@/lib/ingest/ingest";
import { chatRow, storedConnection } from "@/lib/ingest/testing/rows";
import { listPresence } from "@/lib/presence/list-presence";
import { recordPresence } from "@/lib/presence/record-presence";
import { sweepPresence } from "@/lib/presence/sweep";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
/** Two more app instances, each with its own pool, on the same database. */
let instanceA: Db;
let instanceB: Db;
let olena: string;
let taras: string;
let chatX: number;
let chatY: number;
const heard: Array<PresenceNotice | "resync"> = [];
let unsubscribe: () => void;

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url });
  instanceA = createPrismaClient(database.url, 3);
  instanceB = createPrismaClient(database.url, 3);
  const connectionId = await storedConnection(database.prisma);
  const ids = await ingestChats(database.prisma, connectionId, [chatRow("x"), chatRow("y")]);
  chatX = ids.get("x") as number;
  chatY = ids.get("y") as number;
  for (const name of ["Olena", "Taras"]) {
    await database.prisma.user.create({ data: { id: name.toLowerCase(), name, email: `${name}@example.com` } });
  }
  [olena, taras] = ["olena", "taras"];
  unsubscribe = await subscribeToPresence((notice) => heard.push(notice));
});
afterAll(async () => {
  unsubscribe();
  await closeChangeListener();
  await instanceA.$disconnect();
  await instanceB.$disconnect();
  await database.drop();
});

const ARRIVAL = { timeout: 5_000, interval: 10 };
const of = (tab: string) => heard.filter((notice) => notice !== "resync" && notice.tab === tab);
const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rowOf = (tab: string) => database.prisma.presence.findUnique({ where: { tabId: tab } });

describe("presence", () => {
  it("reaches every instance when a tab opens a chat, starts typing, moves and leaves; a plain heartbeat reaches nobody", async () => {
    const tab = randomUUID();
    await recordPresence(instanceA, { userId: olena, chatId: chatX, request: { tab, state: "viewing" } });
    await vi.waitFor(() => expect(of(tab)).toEqual([{ tab, chatId: chatX, userId: olena, state: "viewing" }]), ARRIVAL);
    expect(await listPresence(instanceB)).toEqual([{ tab, chatId: chatX, userId: olena, state: "viewing" }]);

    const expiresBefore = (await rowOf(tab))?.expiresAt.getTime() ?? 0;
    await quietFor(50);
    await recordPresence(instanceB, { userId: olena, chatId: chatX, request: { tab, state: "viewing" } });
    expect((await rowOf(tab))?.expiresAt.getTime()).toBeGreaterThan(expiresBefore);

    await recordPresence(instanceA, { userId: olena, chatId: chatX, request: { tab, state: "typing" } });
    await vi.waitFor(() => expect(of(tab).at(-1)).toMatchObject({ state: "typing" }), ARRIVAL);
    await recordPresence(instanceA, { userId: olena, chatId: chatY, request: { tab, state: "viewing" } });
    await vi.waitFor(() => expect(of(tab)).toHaveLength(4), ARRIVAL);
    await recordPresence(instanceB, { userId: olena, chatId: chatY, request: { tab, state: "left" } });
    await vi.waitFor(() => expect(of(tab)).toHaveLength(5), ARRIVAL);
    await quietFor(200);
    expect(of(tab).map((notice) => notice !== "resync" && [notice.chatId, notice.state])).toEqual([
      [chatX, "viewing"],
      [chatX, "typing"],
      [chatX, "left"],
      [chatY, "viewing"],
      [chatY, "left"],
    ]);
    expect(await listPresence(database.prisma)).toEqual([]);
  });

  it("takes one typing signal per agent and chat every 2 s, and shows typing until it stops", async () => {
    const tab = randomUUID();
    const typing = () => recordPresence(instanceA, { userId: taras, chatId: chatX, request: { tab, state: "typing" } });
    await typing();
    const first = await rowOf(tab);
    await typing();
    expect((await rowOf(tab))?.typedAt).toEqual(first?.typedAt);
    await quietFor(2_050);
    await typing();
    expect((await rowOf(tab))?.typedAt?.getTime()).toBeGreaterThan(first?.typedAt?.getTime() ?? 0);
    await vi.waitFor(() => expect(of(tab)).toHaveLength(1), ARRIVAL);

    // The agent stopped typing: once its time has passed, any instance's sweep turns it back to viewing.
    await database.prisma
      .$executeRaw`UPDATE presence SET typing_until = now() - interval '1 second' WHERE tab_id = ${tab}::uuid`;
    await Promise.all([sweepPresence(instanceA), sweepPresence(instanceB)]);
    await vi.waitFor(() => expect(of(tab).at(-1)).toMatchObject({ state: "viewing" }), ARRIVAL);
    await recordPresence(instanceA, { userId: taras, chatId: chatX, request: { tab, state: "left" } });
  });

  it("ends a tab that stopped sending heartbeats: one leave, whichever instances sweep", async () => {
    const tab = randomUUID();
    await recordPresence(instanceA, { userId: olena, chatId: chatY, request: { tab, state: "viewing" } });
    await vi.waitFor(() => expect(of(tab)).toHaveLength(1), ARRIVAL);
    // Sweeping before its time changes nothing.
    await sweepPresence(instanceB);
    expect(await rowOf(tab)).not.toBeNull();
    await database.prisma
      .$executeRaw`UPDATE presence SET expires_at = now() - interval '1 second' WHERE tab_id = ${tab}::uuid`;
    expect(await listPresence(database.prisma)).toEqual([]);
    await Promise.all([sweepPresence(instanceA), sweepPresence(instanceB), sweepPresence(database.prisma)]);
    await vi.waitFor(() => expect(of(tab).at(-1)).toMatchObject({ state: "left" }), ARRIVAL);
    await quietFor(200);
    expect(of(tab)).toHaveLength(2);
  });

  it("refuses another agent's tab id and a chat that does not exist", async () => {
    const tab = randomUUID();
    await recordPresence(instanceA, { userId: olena, chatId: chatX, request: { tab, state: "viewing" } });
    await expect(
      recordPresence(instanceB, { userId: taras, chatId: chatY, request: { tab, state: "typing" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await recordPresence(instanceB, { userId: taras, chatId: chatY, request: { tab, state: "left" } });
    expect(await rowOf(tab)).toMatchObject({ userId: olena, chatId: chatX, typingUntil: null });
    await expect(
      recordPresence(instanceA, { userId: olena, chatId: 999_999, request: { tab: randomUUID(), state: "viewing" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await recordPresence(instanceA, { userId: olena, chatId: chatX, request: { tab, state: "left" } });
  });
});
