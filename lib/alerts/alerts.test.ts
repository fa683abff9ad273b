/**
 * Outage alerts on a real Postgres shared by two app instances (two connection pools, each with its
 * own health reporter and sweep): every transition is announced exactly once, a short degradation
 * raises nothing, and the alert webhook is signed, retried and delivered once.
 */
import { randomUUID } from "node:crypto";
import { lookup } from "node:dns/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueWebhooks, type WebhookPumpOptions } from "@/lib/alerts/deliver-webhooks";
import { isInternalAddress, postJson } from "@/lib/alerts/outgoing-url";
import { reconcileAlerts } from "@/lib/alerts/reconcile";
import { alertWebhookOf, removeAlertWebhook, saveAlertWebhook } from "@/lib/alerts/webhook-settings";
import { ZSaveAlertWebhookRequest } from "@/lib/alerts/webhook-settings.types";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyAlertWebhook } from "@/lib/alerts/webhook-signature";
import { createPrismaClient, type Db } from "@/lib/db";
import { createHealthReporter } from "@/lib/sync/health";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const SECRET_KEY = "alerts-tests-secret-key-of-at-least-32-characters";
const THRESHOLD_MS = 1_500;

let database: TestDatabase;
let first: Db;
let second: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  first = database.prisma;
  second = createPrismaClient(database.url, 5);
});

afterAll(async () => {
  await second?.$disconnect();
  await database?.drop();
});

async function newConnection(name: string): Promise<string> {
  const row = await first.connection.create({
    data: { slug: `alerts:${randomUUID()}`, kind: "max", displayName: name, baseUrl: "http://127.0.0.1:9" },
  });
  return row.id;
}

/** Both instances' reporters for one connection (the same one never runs twice, but a lock handover can overlap). */
function reporters(connectionId: string) {
  return [first, second].map((prisma) => createHealthReporter(prisma, connectionId, { degradedAfterMs: THRESHOLD_MS }));
}

const sweepBoth = () =>
  Promise.all([first, second].map((prisma) => reconcileAlerts(prisma, { degradedAfterMs: THRESHOLD_MS })));

const alertsOf = (connectionId: string) =>
  first.connectionAlert.findMany({ where: { connectionId }, orderBy: { id: "asc" } });

const deliveriesOf = (connectionId: string) =>
  first.alertWebhookDelivery.findMany({ where: { connectionId }, orderBy: { id: "asc" } });

type Received = { body: string; headers: IncomingMessage["headers"] };

/** A webhook receiver on 127.0.0.1 that answers the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

const pump = (overrides: Partial<WebhookPumpOptions> = {}): WebhookPumpOptions => ({
  secretKey: SECRET_KEY,
  attempts: 5,
  retryInitialMs: 50,
  retryMaxMs: 200,
  timeoutMs: 5_000,
  toLocalUrls: true,
  ...overrides,
});

describe("raising and closing across two instances", () => {
  it("raises one alert and one webhook delivery per transition, however the instances race", async () => {
    const connectionId = await newConnection("MAX support bot");
    await saveAlertWebhook(first, connectionId, { url: "http://127.0.0.1:9/never-posted" }, SECRET_KEY);
    const [a, b] = reporters(connectionId);
    if (!a || !b) throw new Error("two reporters");

    for (let round = 1; round <= 3; round++) {
      await Promise.all([
        a.down(new Error("401 Unauthorized: the provider refused our token")),
        b.down(new Error("401 Unauthorized: the provider refused our token")),
        sweepBoth(),
      ]);
      await sweepBoth();
      const raised = await alertsOf(connectionId);
      expect(raised, `round ${round}: alerts after going down`).toHaveLength(round);
      expect(raised.filter((alert) => alert.closedAt === null)).toHaveLength(1);
      expect(raised.at(-1)?.cause).toBe("down");
      expect(raised.at(-1)?.error).toMatch(/refused our token/);

      await Promise.all([a.synced(), b.synced(), sweepBoth()]);
      await sweepBoth();
      const closed = await alertsOf(connectionId);
      expect(closed, `round ${round}: no new alert on recovery`).toHaveLength(round);
      expect(closed.every((alert) => alert.closedAt !== null && alert.resolution === "recovered")).toBe(true);
      expect(closed.at(-1)?.durationSeconds).toBeGreaterThanOrEqual(0);
    }

    const deliveries = await deliveriesOf(connectionId);
    expect(deliveries.map((delivery) => delivery.event)).toEqual([
      "down",
      "recovered",
      "down",
      "recovered",
      "down",
      "recovered",
    ]);
    const recovered = JSON.parse(deliveries[1]?.body ?? "{}");
    expect(recovered).toMatchObject({
      event: "recovered",
      connection: { id: connectionId, name: "MAX support bot", provider: "max" },
      error: expect.stringMatching(/refused our token/),
    });
    expect(typeof recovered.durationSeconds).toBe("number");
    expect(Date.parse(recovered.since)).not.toBeNaN();
  });

  it("a connection degraded for less than the threshold raises nothing; past it, one alert", async () => {
    const connectionId = await newConnection("SmartSender shop");
    const [a, b] = reporters(connectionId);
    if (!a || !b) throw new Error("two reporters");

    await a.degraded(new Error("503 Service Unavailable"));
    await b.degraded(new Error("503 Service Unavailable"));
    await sweepBoth();
    expect(await alertsOf(connectionId), "degraded for a moment").toHaveLength(0);
    await a.synced();
    await new Promise((resolve) => setTimeout(resolve, THRESHOLD_MS + 200));
    await sweepBoth();
    expect(await alertsOf(connectionId), "it recovered before the threshold").toHaveLength(0);

    await a.degraded(new Error("503 Service Unavailable"));
    await new Promise((resolve) => setTimeout(resolve, THRESHOLD_MS / 2));
    await b.degraded(new Error("503 Service Unavailable"));
    await sweepBoth();
    expect(await alertsOf(connectionId), "half the threshold").toHaveLength(0);

    // No health write after the threshold passes: the sweep alone raises it, once.
    await new Promise((resolve) => setTimeout(resolve, THRESHOLD_MS / 2 + 300));
    await sweepBoth();
    await sweepBoth();
    const alerts = await alertsOf(connectionId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.cause).toBe("degraded");
    expect(alerts[0]?.closedAt).toBeNull();
    // Going down while the degraded alert is open is the same outage: no second alert.
    await a.down(new Error("breaker open"));
    await sweepBoth();
    expect(await alertsOf(connectionId)).toHaveLength(1);
    await b.synced();
    expect((await alertsOf(connectionId))[0]?.resolution).toBe("recovered");
  });

  it("closes a failing connection's alert without a recovered webhook when an admin turns it off", async () => {
    const connectionId = await newConnection("Old bridge");
    await saveAlertWebhook(first, connectionId, { url: "http://127.0.0.1:9/never-posted" }, SECRET_KEY);
    const [a] = reporters(connectionId);
    await a?.down(new Error("connection refused"));
    await first.connection.update({ where: { id: connectionId }, data: { enabled: false } });
    await sweepBoth();
    const [alert] = await alertsOf(connectionId);
    expect(alert?.resolution).toBe("disabled");
    expect((await deliveriesOf(connectionId)).map((delivery) => delivery.event)).toEqual(["down"]);
  });
});

describe("the alert webhook", () => {
  it("is signed with the connection's secret and retried after failures until exactly one delivery succeeds", async () => {
    const hook = await receiver([500, 502, 200]);
    try {
      const connectionId = await newConnection("MAX retries");
      const saved = await saveAlertWebhook(first, connectionId, { url: hook.url }, SECRET_KEY);
      expect(saved.secret).toMatch(/^whsec_/);
      const secret = saved.secret ?? "";
      const [a] = reporters(connectionId);
      await a?.down(new Error("503 Service Unavailable"));

      // Both instances pump until nothing is pending.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        await Promise.all([deliverDueWebhooks(first, pump()), deliverDueWebhooks(second, pump())]);
        const [row] = await deliveriesOf(connectionId);
        if (row?.status !== "pending") break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const deliveries = await deliveriesOf(connectionId);
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
      expect(deliveries[0]?.deliveredAt).not.toBeNull();
      expect(hook.received).toHaveLength(3);
      for (const request of hook.received) {
        expect(request.body).toBe(deliveries[0]?.body);
        const signature = String(request.headers[SIGNATURE_HEADER]);
        expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
        expect(verifyAlertWebhook(request.body, secret, signature)).toBe(true);
        expect(Number(request.headers[TIMESTAMP_HEADER])).toBeGreaterThan(0);
      }
      expect(
        verifyAlertWebhook(
          hook.received[0]?.body ?? "",
          "whsec_wrong",
          String(hook.received[0]?.headers[SIGNATURE_HEADER]),
        ),
      ).toBe(false);
      expect(JSON.parse(hook.received[0]?.body ?? "{}")).toMatchObject({
        event: "down",
        connection: { id: connectionId, name: "MAX retries", provider: "max" },
        error: "503 Service Unavailable",
      });
    } finally {
      await new Promise((resolve) => hook.server.close(resolve));
    }
  });

  it("gives up after its attempts, keeping the status code and error", async () => {
    const hook = await receiver([500]);
    try {
      const connectionId = await newConnection("MAX gives up");
      await saveAlertWebhook(first, connectionId, { url: hook.url }, SECRET_KEY);
      await reporters(connectionId)[0]?.down(new Error("down"));
      for (let round = 0; round < 20; round++) {
        await deliverDueWebhooks(first, pump({ attempts: 2, retryInitialMs: 10, retryMaxMs: 10 }));
        if ((await deliveriesOf(connectionId))[0]?.status !== "pending") break;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect((await deliveriesOf(connectionId))[0]).toMatchObject({
        status: "failed",
        attempts: 2,
        lastStatusCode: 500,
        lastError: "The receiver answered 500",
      });
      expect(hook.received).toHaveLength(2);
    } finally {
      await new Promise((resolve) => hook.server.close(resolve));
    }
  });

  it("never posts to a loopback address outside tests", async () => {
    const hook = await receiver([200]);
    try {
      const connectionId = await newConnection("MAX internal");
      await saveAlertWebhook(first, connectionId, { url: hook.url }, SECRET_KEY);
      await reporters(connectionId)[0]?.down(new Error("down"));
      await deliverDueWebhooks(first, pump({ toLocalUrls: false }));
      const [row] = await deliveriesOf(connectionId);
      expect(row?.status).toBe("pending");
      expect(row?.lastError).toMatch(/internal address/);
      expect(hook.received).toHaveLength(0);
    } finally {
      await new Promise((resolve) => hook.server.close(resolve));
    }
  });
});

describe("where an alert webhook may post", () => {
  it("refuses a host name whose address is internal, checked in the lookup the request itself uses", async () => {
    // This machine's own name resolves to one of its own (loopback or private) addresses.
    const name = hostname();
    const { address } = await lookup(name);
    expect(isInternalAddress(address), `${name} → ${address}`).toBe(true);
    const hook = await receiver([200]);
    try {
      const port = (hook.server.address() as AddressInfo).port;
      const post = (publicOnly: boolean) =>
        postJson(new URL(`http://${name}:${port}/hook`), { headers: {}, body: "{}", timeoutMs: 5_000, publicOnly });
      await expect(post(true)).rejects.toThrow(/internal address/);
      await expect(post(false)).resolves.toBe(200);
      expect(hook.received).toHaveLength(1);
      for (const url of [
        "http://localhost:1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]:1/",
        "http://10.0.0.1/",
      ]) {
        await expect(
          postJson(new URL(url), { headers: {}, body: "{}", timeoutMs: 5_000, publicOnly: true }),
        ).rejects.toThrow(/internal address/);
      }
    } finally {
      await new Promise((resolve) => hook.server.close(resolve));
    }
  });
});

describe("the alert webhook's settings", () => {
  it("shows the secret only in the answer that generated it, stores it sealed, and rotates it on request", async () => {
    const connectionId = await newConnection("MAX settings");
    const first = await saveAlertWebhook(
      database.prisma,
      connectionId,
      { url: "https://hooks.example.com/a" },
      SECRET_KEY,
    );
    expect(first.secret).toMatch(/^whsec_[\w-]{43}$/);
    const secret = first.secret ?? "";
    const stored = await database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(stored.alertWebhookSecret).not.toContain(secret.slice(6));

    const changedUrl = await saveAlertWebhook(
      database.prisma,
      connectionId,
      { url: "https://hooks.example.com/b" },
      SECRET_KEY,
    );
    expect(changedUrl.secret, "a new URL keeps the secret").toBeNull();
    const view = await alertWebhookOf(database.prisma, connectionId, SECRET_KEY);
    expect(view).toMatchObject({ url: "https://hooks.example.com/b", secretHint: `…${secret.slice(-4)}` });
    expect(JSON.stringify(view)).not.toContain(secret);

    const rotated = await saveAlertWebhook(
      database.prisma,
      connectionId,
      { url: "https://hooks.example.com/b", rotateSecret: true },
      SECRET_KEY,
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
  });

  it("refuses URLs that are not plain http(s) or too long", () => {
    for (const url of [
      "ftp://hooks.example.com/",
      "javascript:alert(1)",
      "https://user:pass@hooks.example.com/",
      "not a url",
      `https://hooks.example.com/${"a".repeat(2000)}`,
    ]) {
      expect(ZSaveAlertWebhookRequest.safeParse({ url }).success, url).toBe(false);
    }
    expect(ZSaveAlertWebhookRequest.safeParse({ url: " https://hooks.example.com/x " }).data?.url).toBe(
      "https://hooks.example.com/x",
    );
  });

  it("a removed webhook's pending deliveries end as failed, and a missing connection is 404", async () => {
    const connectionId = await newConnection("MAX removed");
    await saveAlertWebhook(database.prisma, connectionId, { url: "http://127.0.0.1:9/gone" }, SECRET_KEY);
    await reporters(connectionId)[0]?.down(new Error("down"));
    expect(await removeAlertWebhook(database.prisma, connectionId)).toEqual({ removed: true });
    for (let round = 0; round < 20 && (await deliveriesOf(connectionId))[0]?.status === "pending"; round++) {
      await deliverDueWebhooks(database.prisma, pump());
    }
    expect((await deliveriesOf(connectionId))[0]).toMatchObject({
      status: "failed",
      lastError: "The webhook was removed",
    });
    await expect(alertWebhookOf(database.prisma, randomUUID(), SECRET_KEY)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
