import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as auditRoute } from "@/app/api/admin/audit/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/admin/connections/[connectionId]/route";
import { POST as testSavedRoute } from "@/app/api/admin/connections/[connectionId]/test/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/admin/connections/route";
import { POST as testRoute } from "@/app/api/admin/connections/test/route";
import { type Answer, callRoute, signInCookie } from "@/lib/admin/testing/route-call";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { closeSessionWatch } from "@/lib/auth/session-watch";
import { applyConnections } from "@/lib/connections/configure";
import { PROVIDER_KINDS } from "@/lib/providers/types";
import { provideRuntime, runtimeDemoLogin } from "@/lib/runtime";
import { startSyncManager } from "@/lib/sync/manager";
import { FAST_TUNING } from "@/lib/sync/testing/tuning";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { type Sandbox, startSandbox } from "@/sandbox/start-sandbox";

const SECRET = "connections-test-secret-0123456789abcdef";
const ADMIN = { email: "admin@example.com", password: "admin-password-123" };
const AGENT = { email: "agent@example.com", password: "agent-password-123" };
let database: TestDatabase;
let sandbox: Sandbox;
let admin: string;
let agent: string;
/** Every answer the admin API gave: none may contain a token. */
const answers: Answer[] = [];

async function call(...args: Parameters<typeof callRoute>): Promise<Answer> {
  const answer = await callRoute(...args);
  answers.push(answer);
  return answer;
}

/** A port nothing listens on: one the sandbox used and gave back. */
let closedPort: string;

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url, secretKey: SECRET });
  await ensureAdmin(database.prisma, ADMIN.email, ADMIN.password);
  await ensureAdmin(database.prisma, AGENT.email, AGENT.password, "Agent", "agent");
  admin = (await signInCookie(ADMIN.email, ADMIN.password)).cookie;
  agent = (await signInCookie(AGENT.email, AGENT.password)).cookie;
  sandbox = await startSandbox({ smartsender: { data: { chats: 3, messagesPerChat: 2 } } });
  const spare = await startSandbox();
  closedPort = new URL(spare.fakes.smartsender.url).port;
  await spare.close();
});

afterAll(async () => {
  await sandbox?.close();
  await closeSessionWatch();
  await database.drop();
});

describe("test before save", () => {
  it.each(PROVIDER_KINDS)("%s: the sandbox's own token passes", async (kind) => {
    const answer = await call(testRoute, "POST", {
      cookie: admin,
      body: { kind, ...sandbox.fakes[kind].connection() },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
  });

  it.each(["smartsender", "max", "chatops"] as const)("%s: a wrong token is reported as refused", async (kind) => {
    const { baseUrl, settings, credentials } = sandbox.fakes[kind].connection();
    const wrong = Object.fromEntries(Object.keys(credentials).map((key) => [key, "wrong-token-0000"]));
    const answer = await call(testRoute, "POST", {
      cookie: admin,
      body: { kind, baseUrl, settings, credentials: wrong },
    });
    expect(answer.body).toMatchObject({ ok: false, problem: "refused", message: expect.stringMatching(/refused/) });
  });

  it("an unreachable port and a wrong base URL get their own plain messages", async () => {
    const { credentials } = sandbox.fakes.smartsender.connection();
    const down = await call(testRoute, "POST", {
      cookie: admin,
      body: { kind: "smartsender", baseUrl: `http://127.0.0.1:${closedPort}`, credentials },
    });
    expect(down.body).toMatchObject({
      ok: false,
      problem: "unreachable",
      message: expect.stringMatching(/did not answer|could not be reached/),
    });
    // Some other web site: a 404 page, or a 200 page that is not the provider's JSON.
    const site = http.createServer((request, response) => {
      const found = request.url?.startsWith("/ok") ?? false;
      response.writeHead(found ? 200 : 404, { "content-type": "text/html" }).end("<html>Welcome</html>");
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
      for (const baseUrl of [`${origin}/nothing`, `${origin}/ok`]) {
        const wrongUrl = await call(testRoute, "POST", {
          cookie: admin,
          body: { kind: "max", baseUrl, credentials: { token: "x".repeat(20) } },
        });
        expect(wrongUrl.body, baseUrl).toMatchObject({
          ok: false,
          problem: "wrong_url",
          message: expect.stringMatching(/base URL/),
        });
      }
    } finally {
      site.close();
    }
  });

  it("a bad value is a 400 naming the field; agents get 403", async () => {
    const badUrl = await call(testRoute, "POST", {
      cookie: admin,
      body: { kind: "max", baseUrl: "ftp://x", credentials: {} },
    });
    expect(badUrl.status).toBe(400);
    const noToken = await call(testRoute, "POST", { cookie: admin, body: { kind: "smartsender", credentials: {} } });
    expect(noToken.status).toBe(400);
    expect(noToken.body.error.details.field).toBe("credentials.token");
    expect((await call(testRoute, "POST", { cookie: agent, body: { kind: "max" } })).status).toBe(403);
    expect((await call(listRoute, "GET", { cookie: agent })).status).toBe(403);
  });
});

describe("connection CRUD", () => {
  it("a failed test saves nothing unless the admin saves anyway", async () => {
    const { baseUrl } = sandbox.fakes.smartsender.connection();
    const refused = await call(createRoute, "POST", {
      cookie: admin,
      body: { kind: "smartsender", baseUrl, credentials: { token: "wrong-token-0000" } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toMatchObject({ reason: "test_failed", problem: "refused" });
    expect(await database.prisma.connection.count()).toBe(0);
    const anyway = await call(createRoute, "POST", {
      cookie: admin,
      body: { kind: "smartsender", baseUrl, credentials: { token: "wrong-token-0000" }, saveUntested: true },
    });
    expect(anyway.status).toBe(200);
    expect(anyway.body.test).toMatchObject({ ok: false, problem: "refused" });
    await call(deleteRoute, "DELETE", {
      cookie: admin,
      params: { connectionId: anyway.body.connection.id },
      query: "?chats=delete",
    });
    expect(await database.prisma.connection.count()).toBe(0);
  });

  it("in demo mode, the first connection added here stops the login page showing the demo password", async () => {
    provideRuntime({ demoLogin: { email: "demo@inbox.local", password: "shown-on-the-login-page" } });
    const created = await call(createRoute, "POST", {
      cookie: admin,
      body: { kind: "smartsender", displayName: "Real shop", ...sandbox.fakes.smartsender.connection() },
    });
    expect(created.status).toBe(200);
    expect(runtimeDemoLogin()).toBeNull();
    await call(deleteRoute, "DELETE", {
      cookie: admin,
      params: { connectionId: created.body.connection.id },
      query: "?chats=delete",
    });
  });

  it("adds, syncs, rotates the token without retyping the rest, disables, and deletes (keeping or removing chats)", async () => {
    const fake = sandbox.fakes.smartsender;
    const created = await call(createRoute, "POST", {
      cookie: admin,
      body: { kind: "smartsender", displayName: "Shop", ...fake.connection() },
    });
    expect(created.status).toBe(200);
    const id: string = created.body.connection.id;
    expect(created.body.connection).toMatchObject({
      kind: "smartsender",
      displayName: "Shop",
      source: "browser",
      credentialHints: { token: `…${fake.token.slice(-4)}` },
      enabled: true,
    });
    const stored = await database.prisma.connection.findUniqueOrThrow({ where: { id } });
    expect(stored.credentials).not.toContain(fake.token);
    const retest = await call(testSavedRoute, "POST", { cookie: admin, params: { connectionId: id } });
    expect(retest.body).toEqual({ ok: true });

    // Every instance's sync picks it up without a restart.
    const manager = startSyncManager({
      prisma: database.prisma,
      databaseUrl: database.url,
      instanceId: "one",
      pollIntervalMs: 300,
      tuning: FAST_TUNING,
    });
    try {
      await vi.waitFor(
        async () => expect(await database.prisma.chat.count({ where: { connectionId: id } })).toBeGreaterThan(0),
        {
          timeout: 15_000,
          interval: 200,
        },
      );
      const [listed] = (await call(listRoute, "GET", { cookie: admin })).body;
      expect(listed.chatCount).toBeGreaterThan(0);

      // Rotating the token: the URL and settings stay; the version moves; a refused token is not saved.
      const rotatedBad = await call(patchRoute, "PATCH", {
        cookie: admin,
        params: { connectionId: id },
        body: { credentials: { token: "another-wrong-token" } },
      });
      expect(rotatedBad.status).toBe(422);
      const renamed = await call(patchRoute, "PATCH", {
        cookie: admin,
        params: { connectionId: id },
        body: { displayName: "Shop 2" },
      });
      expect(renamed.body.connection.displayName).toBe("Shop 2");
      expect((await database.prisma.connection.findUniqueOrThrow({ where: { id } })).configVersion).toBe(
        stored.configVersion,
      );

      const disabled = await call(patchRoute, "PATCH", {
        cookie: admin,
        params: { connectionId: id },
        body: { enabled: false },
      });
      expect(disabled.body.connection.enabled).toBe(false);
      // The sync lets go of it: no sync lock is held for it after a claim round.
      await vi.waitFor(
        async () => {
          const held = await database.prisma.$queryRaw<Array<{ count: bigint }>>`
            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'`;
          expect(Number(held[0]?.count)).toBe(0);
        },
        { timeout: 5_000, interval: 100 },
      );
    } finally {
      await manager.stop();
    }

    const kept = await call(deleteRoute, "DELETE", { cookie: admin, params: { connectionId: id } });
    expect(kept.status).toBe(200);
    expect((await call(listRoute, "GET", { cookie: admin })).body).toEqual([]);
    expect(await database.prisma.chat.count({ where: { connectionId: id } })).toBeGreaterThan(0);
    expect(
      (await call(patchRoute, "PATCH", { cookie: admin, params: { connectionId: id }, body: { enabled: true } }))
        .status,
    ).toBe(404);
  });

  it("a rotated token restarts the sync at once, even while it waits out the old token's refusal", async () => {
    const fake = sandbox.fakes.smartsender;
    const created = await call(createRoute, "POST", {
      cookie: admin,
      body: {
        kind: "smartsender",
        displayName: "Rotated",
        baseUrl: fake.url,
        credentials: { token: "revoked-token-000" },
        saveUntested: true,
      },
    });
    const id: string = created.body.connection.id;
    const manager = startSyncManager({
      prisma: database.prisma,
      databaseUrl: database.url,
      instanceId: "rotation",
      pollIntervalMs: 300,
      // A refused token makes the sync wait a minute before trying again.
      tuning: { ...FAST_TUNING, authPauseMs: 60_000, authMaxPauseMs: 60_000 },
    });
    try {
      await vi.waitFor(
        async () => expect((await database.prisma.connection.findUniqueOrThrow({ where: { id } })).health).toBe("down"),
        { timeout: 10_000, interval: 100 },
      );
      const rotated = await call(patchRoute, "PATCH", {
        cookie: admin,
        params: { connectionId: id },
        body: { credentials: { token: fake.token } },
      });
      expect(rotated.status, rotated.text).toBe(200);
      const rotatedAt = Date.now();
      await vi.waitFor(
        async () => expect(await database.prisma.chat.count({ where: { connectionId: id } })).toBeGreaterThan(0),
        { timeout: 5_000, interval: 100 },
      );
      expect(Date.now() - rotatedAt).toBeLessThan(5_000);
    } finally {
      await manager.stop();
    }
    await call(deleteRoute, "DELETE", { cookie: admin, params: { connectionId: id }, query: "?chats=delete" });
  });

  it("environment and sandbox connections are read-only here, naming the variable; start-up leaves browser ones alone", async () => {
    await applyConnections(
      database.prisma,
      [
        {
          slug: "env:max",
          kind: "max",
          displayName: "MAX",
          baseUrl: sandbox.fakes.max.url,
          credentials: { token: sandbox.fakes.max.token },
          settings: {},
          isSandbox: false,
        },
      ],
      SECRET,
    );
    const fake = sandbox.fakes.chatops;
    const mine = await call(createRoute, "POST", { cookie: admin, body: { kind: "chatops", ...fake.connection() } });
    const env = (await database.prisma.connection.findUniqueOrThrow({ where: { slug: "env:max" } })).id;
    const listed = (await call(listRoute, "GET", { cookie: admin })).body as Array<{
      id: string;
      source: string;
      variables: string[];
    }>;
    expect(listed.find((row) => row.id === env)).toMatchObject({
      source: "environment",
      variables: expect.arrayContaining(["MAX_BOT_TOKEN"]),
    });
    const refused = await call(patchRoute, "PATCH", {
      cookie: admin,
      params: { connectionId: env },
      body: { displayName: "x" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("MAX_BOT_TOKEN");
    // A restart with the same environment keeps the browser's connection enabled.
    await applyConnections(database.prisma, [], SECRET);
    expect(
      (await database.prisma.connection.findUniqueOrThrow({ where: { id: mine.body.connection.id } })).enabled,
    ).toBe(true);
  });

  it("lists how many provider items each connection skipped and since when (connection health)", async () => {
    const fake = sandbox.fakes.smartsender;
    const created = await call(createRoute, "POST", {
      cookie: admin,
      body: { kind: "smartsender", ...fake.connection() },
    });
    const id = created.body.connection.id as string;
    const listedSkips = async () =>
      ((await call(listRoute, "GET", { cookie: admin })).body as Array<{ id: string; skippedItems: unknown }>).find(
        (row) => row.id === id,
      )?.skippedItems;
    expect(await listedSkips()).toEqual({ count: 0, since: null });
    const since = new Date("2026-12-04T10:02:00Z");
    await database.prisma.connection.update({ where: { id }, data: { skippedItems: 3, skippedItemsSince: since } });
    expect(await listedSkips()).toEqual({ count: 3, since: since.toISOString() });
  });

  it("no answer and no audit entry ever contains a token", async () => {
    const tokens = PROVIDER_KINDS.map((kind) => sandbox.fakes[kind].token).filter((token) => token.length > 0);
    const audit = await call(auditRoute, "GET", { cookie: admin });
    for (const answer of answers) for (const token of tokens) expect(answer.text).not.toContain(token);
    const entries = JSON.stringify(await database.prisma.auditLog.findMany());
    for (const token of [...tokens, "wrong-token-0000", "another-wrong-token"]) expect(entries).not.toContain(token);
    expect(audit.status).toBe(200);
  });
});
