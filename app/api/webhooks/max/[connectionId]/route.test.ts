/**
 * MAX webhook mode end to end on real parts: the sync subscribes the connection at the MAX
 * sandbox (POST /subscriptions with a random secret, stored sealed), the sandbox POSTs each new
 * update over HTTP to this route, served here the way Next serves it, and the update lands in
 * Postgres through the long-polling path. A wrong or missing secret stores nothing, a redelivered
 * update changes nothing, and disabling or deleting the connection unsubscribes it.
 * Tests may reach loopback only, so the sync is told to accept a loopback http APP_URL
 * (`webhooksOnLocalUrls`); the production rule is tested on its own in lib/sync/webhooks.test.ts.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/max/[connectionId]/route";
import { deleteConnection } from "@/lib/admin/connections/manage-connections";
import { provideRuntime } from "@/lib/runtime";
import { connectFake } from "@/lib/sync/testing/fake-connection";
import { syncTestBed } from "@/lib/sync/testing/test-bed";
import { type MaxSandboxFake, startMaxFake } from "@/sandbox/max/index";

const bed = syncTestBed();
let server: http.Server;
let appUrl: string;

/** Serves the route handler over real HTTP the way Next's server does: a Request in, the Response out. */
function serveRoute(): http.Server {
  return http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const match = /^\/api\/webhooks\/max\/([^/?]+)$/.exec(req.url ?? "");
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const response = await POST(
      new Request(`${appUrl}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({ connectionId: decodeURIComponent(match[1] as string) }) },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}

beforeAll(async () => {
  provideRuntime({ databaseUrl: bed.database.url });
  server = serveRoute();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function maxApi(fake: MaxSandboxFake, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake.url}${path}`, { headers: { authorization: fake.token } });
  return { status: response.status, body: await response.json() };
}

async function subscribedUrls(fake: MaxSandboxFake): Promise<string[]> {
  const { body } = await maxApi(fake, "/subscriptions");
  return (body as { subscriptions: Array<{ url: string }> }).subscriptions.map((subscription) => subscription.url);
}

/** A MAX sandbox, a connection to it and a sync in webhook mode, subscribed. */
async function subscribedConnection(slug?: string) {
  const fake = await startMaxFake({ token: `max-webhook-${randomUUID()}`, data: { chats: 2, messagesPerChat: 2 } });
  bed.afterThisTest(() => fake.close());
  const connectionId = await connectFake(bed.database.prisma, fake);
  if (slug) await bed.database.prisma.connection.update({ where: { id: connectionId }, data: { slug } });
  bed.startSync("webhook-instance", { appUrl, tuning: { webhooksOnLocalUrls: true } });
  const url = `${appUrl}/api/webhooks/max/${connectionId}`;
  await vi.waitFor(async () => expect(await subscribedUrls(fake)).toEqual([url]), { timeout: 15_000, interval: 100 });
  return { fake, connectionId, url };
}

function postUpdate(url: string, update: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(update),
  });
}

async function storedState(connectionId: string) {
  const prisma = bed.database.prisma;
  return {
    chats: await prisma.chat.findMany({ where: { connectionId }, orderBy: { id: "asc" } }),
    messages: await prisma.message.findMany({ where: { chat: { connectionId } }, orderBy: { id: "asc" } }),
  };
}

describe("MAX webhook mode", () => {
  it("subscribes with a sealed secret, stores what MAX delivers, refuses a wrong secret and ignores a redelivery", async () => {
    const { fake, connectionId, url } = await subscribedConnection();
    const stored = await bed.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(stored.webhookUrl).toBe(url);

    // Long polling is blocked while subscribed, as at MAX.
    expect((await maxApi(fake, "/updates?timeout=0")).status).toBe(405);

    const sent = fake.injectInboundMessage({ text: "Hello through the webhook" });
    await vi.waitFor(
      async () => {
        const message = await bed.database.prisma.message.findFirst({
          where: { externalId: sent.messageExternalId, chat: { connectionId, externalId: sent.chatExternalId } },
        });
        expect(message?.text).toBe("Hello through the webhook");
      },
      { timeout: 10_000, interval: 100 },
    );
    await fake.webhooks.settled();
    const deliveries = fake.webhooks.deliveries();
    expect(deliveries.map((entry) => entry.status)).toEqual(deliveries.map(() => 200));
    const secret = deliveries[0]?.secret ?? "";
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    // Sealed at rest: the database never holds the secret itself.
    expect(stored.webhookSecret).not.toContain(secret);
    expect(
      JSON.stringify(await bed.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } })),
    ).not.toContain(secret);

    // A forged update: a new message in the same chat, with a wrong, a same-length wrong, or no secret.
    const created = deliveries.find((entry) => entry.update.update_type === "message_created");
    if (!created) throw new Error("no message_created was delivered");
    const forged = structuredClone(created.update) as unknown as { message: { body: { mid: string; text: string } } };
    forged.message.body.mid = "mid.forged.1";
    forged.message.body.text = "Forged";
    const before = await storedState(connectionId);
    const wrongSameLength = secret.replace(/^./, secret.startsWith("0") ? "1" : "0");
    const wrongHeaders: Array<Record<string, string>> = [
      { "x-max-bot-api-secret": "wrong" },
      { "x-max-bot-api-secret": wrongSameLength },
      {},
    ];
    for (const headers of wrongHeaders) {
      const answer = await postUpdate(url, forged, headers);
      expect(answer.status).toBe(401);
      expect(await answer.text()).not.toContain(secret);
    }
    expect(await storedState(connectionId)).toEqual(before);

    // MAX may deliver the same update again: nothing changes.
    for (const entry of deliveries) await fake.webhooks.redeliver(entry);
    expect(
      fake.webhooks
        .deliveries()
        .slice(deliveries.length)
        .map((entry) => entry.status),
    ).toEqual(deliveries.map(() => 200));
    expect(await storedState(connectionId)).toEqual(before);

    // An update the inbox cannot read is answered 200 (MAX would retry it for hours), skipped and counted.
    const unreadable = await postUpdate(
      url,
      { update_type: "message_created", message: { body: { mid: 7 } } },
      {
        "x-max-bot-api-secret": secret,
      },
    );
    expect(unreadable.status).toBe(200);
    expect(await storedState(connectionId)).toEqual(before);
    const counted = await bed.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(counted.skippedItems).toBe(1);
    // Not JSON, or not an object: refused before anything is read.
    expect((await postUpdate(url, ["not", "an", "update"], { "x-max-bot-api-secret": secret })).status).toBe(400);

    // Another connection's id, an unknown one, or a broken one names no webhook here.
    expect(
      (await postUpdate(`${appUrl}/api/webhooks/max/${randomUUID()}`, forged, { "x-max-bot-api-secret": secret }))
        .status,
    ).toBe(404);
    expect(
      (await postUpdate(`${appUrl}/api/webhooks/max/not-a-uuid`, forged, { "x-max-bot-api-secret": secret })).status,
    ).toBe(404);
  });

  it("unsubscribes when the connection is disabled, and forgets the secret", async () => {
    const { fake, connectionId } = await subscribedConnection();
    await bed.database.prisma.connection.update({ where: { id: connectionId }, data: { enabled: false } });
    await vi.waitFor(async () => expect(await subscribedUrls(fake)).toEqual([]), { timeout: 10_000, interval: 100 });
    await vi.waitFor(
      async () => {
        const row = await bed.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
        expect([row.webhookUrl, row.webhookSecret]).toEqual([null, null]);
      },
      { timeout: 5_000, interval: 100 },
    );
    // Long polling works again.
    expect((await maxApi(fake, "/updates?timeout=0&limit=1")).status).toBe(200);
  });

  it.each(["keep", "delete"] as const)(
    "unsubscribes when an admin deletes the connection (chats: %s)",
    async (chats) => {
      const { fake, connectionId, url } = await subscribedConnection(`admin:${randomUUID()}`);
      const admin = await bed.database.prisma.user.create({
        data: { id: randomUUID(), name: "Admin", email: `${randomUUID()}@example.com`, role: "admin" },
      });
      await deleteConnection(
        bed.database.prisma,
        { userId: admin.id, name: admin.name, email: admin.email, role: "admin", sessionId: "test" },
        connectionId,
        chats,
      );
      await vi.waitFor(async () => expect(await subscribedUrls(fake)).toEqual([]), { timeout: 10_000, interval: 100 });
      // The old secret no longer opens anything.
      const secret = "0".repeat(64);
      expect(
        (await postUpdate(url, { update_type: "message_created" }, { "x-max-bot-api-secret": secret })).status,
      ).toBe(404);
    },
  );
});
