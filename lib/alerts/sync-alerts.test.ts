/**
 * The whole path with two app instances syncing one database: a provider that starts refusing our
 * token raises one alert and the receiver gets one signed `down`; when it accepts again, one
 * `recovered` with the outage's duration. Only one instance syncs the connection, but both sweep and
 * both post due webhooks.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it, vi } from "vitest";
import { saveAlertWebhook } from "@/lib/alerts/webhook-settings";
import { SIGNATURE_HEADER, verifyAlertWebhook } from "@/lib/alerts/webhook-signature";
import { runtimeSecretKey } from "@/lib/runtime";
import { connectFake, UNLIMITED } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import type { SyncTuning } from "@/lib/sync/tuning";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const bed = syncTestBed();

const ALERT_TUNING: Partial<SyncTuning> = {
  alertCheckIntervalMs: 100,
  alertWebhooksToLocalUrls: true,
  alertWebhookRetryInitialMs: 50,
  alertWebhookRetryMaxMs: 200,
};

it("two syncing instances announce a provider's outage and its recovery once each, by a signed webhook", async () => {
  const received: Array<{ body: string; signature: string }> = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(request.headers[SIGNATURE_HEADER]),
      });
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  bed.afterThisTest(() => new Promise((resolve) => receiver.close(() => resolve())));
  const fake = await startSmartSenderFake({
    token: `alerts-${process.pid}`,
    data: { chats: 5 },
    rateLimit: { perMinute: UNLIMITED },
  });
  bed.afterThisTest(() => fake.close());
  const { prisma } = bed.database;
  const connectionId = await connectFake(prisma, fake, { requestsPerMinute: UNLIMITED, timeoutMs: 1_000 });
  const { secret } = await saveAlertWebhook(
    prisma,
    connectionId,
    { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` },
    runtimeSecretKey(),
  );
  bed.startSync("alerts-a", { pollIntervalMs: 300, tuning: ALERT_TUNING });
  bed.startSync("alerts-b", { pollIntervalMs: 300, tuning: ALERT_TUNING });
  const health = async () => (await prisma.connection.findUniqueOrThrow({ where: { id: connectionId } })).health;
  await vi.waitFor(async () => expect(await health()).toBe("ok"), { timeout: 30_000, interval: 100 });

  fake.setFaults({ forceStatus: 401 });
  await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 20_000, interval: 50 });
  const down = JSON.parse(received[0]?.body ?? "{}");
  expect(down).toMatchObject({ event: "down", connection: { id: connectionId, provider: "smartsender" } });
  expect(down.error).toMatch(/401|Unauthenticated/i);

  fake.setFaults({ forceStatus: null });
  await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 30_000, interval: 50 });
  // Several more sweeps and pump rounds on both instances: nothing is posted twice.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(received).toHaveLength(2);
  const recovered = JSON.parse(received[1]?.body ?? "{}");
  expect(recovered).toMatchObject({ event: "recovered", alertId: down.alertId, since: down.since });
  expect(recovered.durationSeconds).toBeGreaterThanOrEqual(0);
  for (const request of received) expect(verifyAlertWebhook(request.body, secret ?? "", request.signature)).toBe(true);

  const alerts = await prisma.connectionAlert.findMany({ where: { connectionId } });
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({ cause: "down", resolution: "recovered" });
  const deliveries = await prisma.alertWebhookDelivery.findMany({ where: { connectionId }, orderBy: { id: "asc" } });
  expect(deliveries.map((delivery) => [delivery.event, delivery.status, delivery.attempts])).toEqual([
    ["down", "delivered", 1],
    ["recovered", "delivered", 1],
  ]);
}, 90_000);
