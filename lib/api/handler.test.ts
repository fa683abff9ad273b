/**
 * The route wrapper on real parts: sessions signed in through Better Auth against a real
 * database, requests as Next.js hands them to route handlers. The admin-only route here is how a
 * route for admins is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { publicRoute, withSession } from "@/lib/api/handler";
import { routeId } from "@/lib/api/query";
import { auth } from "@/lib/auth/auth";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { closeSessionWatch } from "@/lib/auth/session-watch";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const APP = "http://localhost:3000";
let database: TestDatabase;
const cookies = { agent: "", admin: "" };

async function signIn(email: string, password: string): Promise<string> {
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url, secretKey: "route-wrapper-test-secret-0123456789abcdef" });
  await ensureAdmin(database.prisma, "admin@example.com", "admin-password-1", "Admin");
  await ensureAdmin(database.prisma, "agent@example.com", "agent-password-1", "Agent", "agent");
  cookies.admin = await signIn("admin@example.com", "admin-password-1");
  cookies.agent = await signIn("agent@example.com", "agent-password-1");
});

afterAll(async () => {
  await closeSessionWatch();
  await database.drop();
});

const ZRenameRequest = z.object({ name: z.string().trim().min(1).max(100) });

/** An admin-only change, written as the admin routes are meant to be. */
const renameStaff = withSession(
  { role: "admin", params: z.object({ userId: routeId("Participant") }), body: ZRenameRequest },
  ({ params, body, session }) => ({ renamed: params.userId, to: body.name, by: session.email }),
);

const listThings = withSession(
  { query: z.object({ limit: z.coerce.number().int().max(10).default(5) }) },
  ({ query }) => ({
    limit: query.limit,
  }),
);

function call(
  handler: typeof renameStaff,
  init: { method?: string; path?: string; cookie?: string; headers?: Record<string, string>; body?: BodyInit },
  params: Record<string, string> = {},
) {
  const method = init.method ?? "POST";
  const headers = new Headers({
    ...(method === "GET" ? {} : { origin: APP, "content-type": "application/json" }),
    ...(init.cookie ? { cookie: init.cookie } : {}),
    ...init.headers,
  });
  const request = new Request(`${APP}${init.path ?? "/api/test"}`, { method, headers, body: init.body });
  return handler(request, { params: Promise.resolve(params) });
}

async function status(response: Promise<Response>): Promise<[number, unknown]> {
  const answered = await response;
  return [answered.status, await answered.json()];
}

describe("withSession", () => {
  it("lets only the role it names through: admin routes refuse agents with 403 and strangers with 401", async () => {
    const body = JSON.stringify({ name: "New name" });
    expect((await status(call(renameStaff, { body }, { userId: "7" })))[0]).toBe(401);
    expect(await status(call(renameStaff, { body, cookie: cookies.agent }, { userId: "7" }))).toEqual([
      403,
      { error: { code: "FORBIDDEN", message: "Only admins may do this" } },
    ]);
    expect(await status(call(renameStaff, { body, cookie: cookies.admin }, { userId: "7" }))).toEqual([
      200,
      { renamed: 7, to: "New name", by: "admin@example.com" },
    ]);
  });

  it("validates params (404), query and body (400) before the handler runs", async () => {
    const admin = cookies.admin;
    expect((await status(call(renameStaff, { body: "{}", cookie: admin }, { userId: "7" })))[0]).toBe(400);
    expect((await status(call(renameStaff, { body: '{"name":"x"}', cookie: admin }, { userId: "abc" })))[0]).toBe(404);
    expect(await status(call(listThings, { method: "GET", path: "/api/test?limit=3", cookie: cookies.agent }))).toEqual(
      [200, { limit: 3 }],
    );
    expect(
      (await status(call(listThings, { method: "GET", path: "/api/test?limit=99", cookie: cookies.agent })))[0],
    ).toBe(400);
  });

  it("refuses changes from other origins (403) or not sent as JSON (415), before looking at the session", async () => {
    const body = JSON.stringify({ name: "x" });
    const evil = { origin: "https://evil.example" };
    expect((await status(call(renameStaff, { body, cookie: cookies.admin, headers: evil }, { userId: "7" })))[0]).toBe(
      403,
    );
    const plain = { "content-type": "text/plain" };
    expect((await status(call(renameStaff, { body, cookie: cookies.admin, headers: plain }, { userId: "7" })))[0]).toBe(
      415,
    );
  });

  it("answers 413 for a body over the limit, and public routes get every check but the session", async () => {
    const ping = publicRoute({ body: z.object({ note: z.string() }) }, ({ body }) => ({ heard: body.note }));
    expect(await status(call(ping, { body: '{"note":"hi"}' }))).toEqual([200, { heard: "hi" }]);
    const tooLarge = JSON.stringify({ note: "x".repeat(1024 * 1024) });
    expect((await status(call(ping, { body: tooLarge })))[0]).toBe(413);
    expect((await status(call(ping, { body: '{"note":"a\\u0000b"}' })))[0]).toBe(400);
  });
});
