/**
 * Two app instances on one database, both running the snooze timer as fast as they can: every
 * snoozed chat comes back exactly once (one reopening, one audit entry, one change event), none
 * before its time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { childProcessEnv } from "@/lib/env";
import { ingestChats } from "@/lib/ingest/ingest";
import { chatRow, storedConnection } from "@/lib/ingest/testing/rows";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const CHATS = 300;

let database: TestDatabase;
const children: ChildProcess[] = [];

type Instance = { id: string; running: () => boolean; reopened: () => number[]; stop: () => Promise<void> };

function startInstance(id: string): Instance {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      path.join(ROOT, "lib/server/resolve-server-only.ts"),
      path.join(ROOT, "lib/workflow/testing/snooze-process.ts"),
      JSON.stringify({ instanceId: id, intervalMs: 20 }),
    ],
    {
      cwd: ROOT,
      // Configured as an app instance is: by its environment.
      env: childProcessEnv({ DATABASE_URL: database.url, LOG_LEVEL: "debug" }),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  const reopened: number[] = [];
  let running = false;
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { msg?: string; reopened?: number[] };
        if (entry.msg === "snooze timer running") running = true;
        if (entry.msg === "snoozed chats reopened") reopened.push(...(entry.reopened ?? []));
      } catch {
        // Not a log line.
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    id,
    running: () => running,
    reopened: () => reopened,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await database.drop();
});

it("reopens each snoozed chat once, on whichever instance, never early", async () => {
  const connectionId = await storedConnection(database.prisma);
  const externalIds = Array.from({ length: CHATS }, (_, index) => `snoozed-${index}`);
  const ids = [
    ...(
      await ingestChats(
        database.prisma,
        connectionId,
        externalIds.map((id) => chatRow(id)),
      )
    ).values(),
  ];
  const instances = [startInstance("instance-a"), startInstance("instance-b")];
  // Both timers are running before the first snooze ends: they race for every chat.
  await vi.waitFor(() => expect(instances.every((instance) => instance.running())).toBe(true), {
    timeout: 30_000,
    interval: 50,
  });
  const eventsBefore = (await database.prisma.changeEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;
  // Due over the next two seconds, a few at each moment.
  await database.prisma.$executeRaw`
    UPDATE chats SET inbox_status = 'pending', snoozed_until = now() + ((id % 40) * interval '50 milliseconds') + interval '300 milliseconds'
    WHERE id = ANY(${ids}::int[])`;

  await vi.waitFor(
    async () => expect(await database.prisma.chat.count({ where: { inboxStatus: "pending" } })).toBe(0),
    { timeout: 30_000, interval: 100 },
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  await Promise.all(instances.map((instance) => instance.stop()));

  const audit = await database.prisma.auditLog.findMany({ where: { action: "chat.snooze_expired" } });
  const perChat = new Map<number, number>();
  for (const entry of audit) perChat.set(entry.chatId ?? 0, (perChat.get(entry.chatId ?? 0) ?? 0) + 1);
  expect(audit).toHaveLength(CHATS);
  expect([...perChat.values()].every((count) => count === 1)).toBe(true);
  expect(new Set(perChat.keys())).toEqual(new Set(ids));
  for (const entry of audit) {
    const { snoozedUntil } = entry.details as { snoozedUntil: string };
    expect(entry.createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse(snoozedUntil));
  }

  const events = await database.prisma.changeEvent.findMany({
    where: { id: { gt: eventsBefore }, type: "chat.changed" },
  });
  const eventChats = events.map((event) => (event.payload as { chatId: number }).chatId).sort((a, b) => a - b);
  expect(eventChats).toEqual([...ids].sort((a, b) => a - b));

  const [a, b] = instances.map((instance) => instance.reopened());
  expect([...(a ?? []), ...(b ?? [])].sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
  process.stdout.write(`    instance-a reopened ${a?.length} chats, instance-b ${b?.length}\n`);
  expect(new Set(audit.map((entry) => (entry.details as { instance: string }).instance))).toEqual(
    new Set(["instance-a", "instance-b"]),
  );
}, 90_000);
