/**
 * A connection's health as agents see it, and what the sync does while a provider is down:
 * it backs off (retries, then a circuit breaker), the cache stays readable, and it comes back
 * by itself. Refused credentials are not retried in a hot loop.
 */
import { expect, it, vi } from "vitest";
import { listChats } from "@/lib/chats/list-chats";
import { connectFake, UNLIMITED } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const bed = syncTestBed();

async function syncedSmartSender(name: string) {
  const fake = await startSmartSenderFake({
    token: `health-${name}-${process.pid}`,
    data: { chats: 10 },
    rateLimit: { perMinute: UNLIMITED },
  });
  bed.afterThisTest(() => fake.close());
  const connectionId = await connectFake(bed.database.prisma, fake, { requestsPerMinute: UNLIMITED, timeoutMs: 1_000 });
  bed.startSync(`health-${name}`, { pollIntervalMs: 300 });
  await vi.waitFor(async () => expect((await connection(connectionId)).health, "the first sync").toBe("ok"), {
    timeout: 30_000,
    interval: 100,
  });
  return { fake, connectionId };
}

const connection = (id: string) => bed.database.prisma.connection.findUniqueOrThrow({ where: { id } });

const healthEvents = (connectionId: string) =>
  bed.database.prisma.changeEvent.count({
    where: { type: "connection.changed", payload: { equals: { connectionId } } },
  });

it("goes degraded then down while the provider fails, keeps the cache readable, and recovers", async () => {
  const { fake, connectionId } = await syncedSmartSender("down");
  const chatsBefore = await listChats(
    bed.database.prisma,
    { limit: 200, connection: connectionId },
    { userId: "health-test" },
  );
  const eventsBefore = await healthEvents(connectionId);
  const seen = new Set<string>();
  fake.setFaults({ forceStatus: 503 });
  const down = await vi.waitFor(
    async () => {
      const current = await connection(connectionId);
      seen.add(current.health);
      expect(current.health).toBe("down");
      return current;
    },
    { timeout: 30_000, interval: 20 },
  );
  expect(seen.has("degraded")).toBe(true);
  expect(down.lastError).toMatch(/503/);
  expect(down.lastErrorAt).not.toBeNull();

  // While down, the breaker keeps the provider from being hammered...
  const callsAtDown = fake.calls.length;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const callsWhileDown = fake.calls.length - callsAtDown;
  expect(callsWhileDown).toBeLessThan(12);
  // ...and agents still read every cached chat.
  const chatsWhileDown = await listChats(
    bed.database.prisma,
    { limit: 200, connection: connectionId },
    { userId: "health-test" },
  );
  expect(chatsWhileDown.items.map((chat) => chat.id)).toEqual(chatsBefore.items.map((chat) => chat.id));

  const recoveringAt = new Date();
  fake.setFaults({ forceStatus: null });
  const recovered = await vi.waitFor(
    async () => {
      const current = await connection(connectionId);
      expect(current.health).toBe("ok");
      expect(current.lastSyncAt?.getTime() ?? 0, "synced since it recovered").toBeGreaterThan(recoveringAt.getTime());
      return current;
    },
    { timeout: 30_000, interval: 100 },
  );
  expect(recovered.lastError).toMatch(/503/);
  // ok → degraded → down → (degraded while trying again) → ok: every change was announced.
  expect((await healthEvents(connectionId)) - eventsBefore).toBeGreaterThanOrEqual(3);
  process.stdout.write(`    ${callsWhileDown} requests in 2 s while down\n`);
}, 90_000);

it("goes down at once when the provider refuses the credentials, and does not hammer it", async () => {
  const { fake, connectionId } = await syncedSmartSender("auth");
  fake.setFaults({ forceStatus: 401 });
  const down = await vi.waitFor(
    async () => {
      const current = await connection(connectionId);
      expect(current.health).toBe("down");
      return current;
    },
    { timeout: 10_000, interval: 20 },
  );
  expect(down.lastError).toMatch(/401|Unauthenticated/i);
  const callsAtDown = fake.calls.length;
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  // FAST_TUNING waits 2 s (growing) after a refusal: at most one more attempt in 1.5 s.
  expect(fake.calls.length - callsAtDown).toBeLessThanOrEqual(1);
  expect(fake.calls.filter((call) => call.fault === "status_401").length).toBeLessThanOrEqual(3);
}, 60_000);
