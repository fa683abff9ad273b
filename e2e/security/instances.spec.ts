/**
 * Attacks that need servers of their own: two production app processes on one database, one
 * behind a trusted proxy (TRUSTED_PROXIES) and one without, configured with known provider tokens.
 * Throttling, session revocation across instances, the route table, fuzzing and token leakage.
 */
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { openSse } from "@/lib/events/testing/sse-client";
import {
  ADMIN,
  AGENT,
  freshClientAddress,
  PROVIDER_TOKENS,
  SECRET_KEY,
  type SecurityBed,
  seenBodies,
  send,
  signInTo,
  startSecurityBed,
} from "./instances";
import { discoverApiRoutes, METHODS, type Method } from "./routes";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let bed: SecurityBed;
/** A chat of a provider that can close chats, and a few ids that name nothing. */
let chatId: number;
const MISSING = 2_147_483_647;
const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  bed = await startSecurityBed();
  const admin = await signInTo(bed.proxied, ADMIN);
  await expect
    .poll(
      async () => {
        const connections = JSON.parse((await send(bed.proxied, "GET", "/api/connections", { cookie: admin })).text);
        const smartsender = (connections as Array<{ id: string; kind: string }>).find((c) => c.kind === "smartsender");
        if (!smartsender) return 0;
        const page = JSON.parse(
          (await send(bed.proxied, "GET", `/api/chats?connection=${smartsender.id}`, { cookie: admin })).text,
        ) as { items: Array<{ id: number }> };
        chatId = page.items[0]?.id ?? 0;
        return chatId;
      },
      { timeout: 60_000, message: "the instances sync a SmartSender chat" },
    )
    .toBeGreaterThan(0);
});

test.afterAll(async () => {
  await bed?.stop();
});

const wrongPassword = (email: string, address?: string, app = bed.direct) =>
  send(app, "POST", "/api/auth/sign-in/email", {
    body: { email, password: "not-the-password" },
    headers: address ? { "x-forwarded-for": address } : {},
  });

test.describe("finding 1: sign-in throttling", () => {
  test("is shared by the instances: failures on either count against the account", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const app = attempt % 2 === 0 ? bed.proxied : bed.direct;
      statuses.push((await wrongPassword("shared@security.test", freshClientAddress(), app)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  test("counts a parallel burst exactly: five wrong passwords get checked, the rest are refused", async () => {
    const address = freshClientAddress();
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => wrongPassword("burst@security.test", address, bed.proxied)),
    );
    expect(burst.filter((response) => response.status === 401)).toHaveLength(5);
    expect(burst.filter((response) => response.status === 429)).toHaveLength(15);
  });

  test("behind a trusted proxy, one client's guesses lock that client out, not everyone", async () => {
    const attacker = "203.0.113.66";
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 32; attempt += 1) {
      statuses.push((await wrongPassword(`victim${attempt}@security.test`, attacker, bed.proxied)).status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Prepending a made-up address does not make the attacker someone else.
    expect((await wrongPassword("victim99@security.test", `1.2.3.4, ${attacker}`, bed.proxied)).status).toBe(429);
    const someoneElse = await send(bed.proxied, "POST", "/api/auth/sign-in/email", {
      body: ADMIN,
      headers: { "x-forwarded-for": "198.51.100.201" },
    });
    expect(someoneElse.status).toBe(200);
  });

  test("without a trusted proxy, rotating X-Forwarded-For buys no extra guesses (the finding's probe)", async () => {
    const responses = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      responses.push(await wrongPassword("admin-guess@security.test", `203.0.113.${attempt}`));
    }
    const statuses = responses.map((response) => response.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    const locked = responses[5];
    expect(Number(locked?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.parse(locked?.text ?? "{}")).toMatchObject({ error: { code: "RATE_LIMITED" } });
  });
});

/** Polls until `check` holds; returns how long that took. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

test.describe("finding 4: revocation reaches every instance within 5 s", () => {
  test("signing out on one instance ends the session on the other, its live-update stream included", async () => {
    const cookie = await signInTo(bed.proxied, AGENT);
    expect((await send(bed.direct, "GET", "/api/chats", { cookie })).status).toBe(200);
    const stream = await openSse(`${bed.direct.url}/api/events`, { cookie });
    expect(stream.status).toBe(200);
    await within(5_000, "the stream is live", async () => stream.retryMs !== null);
    let streamEndedAt = 0;
    void stream.ended.then(() => {
      streamEndedAt = Date.now();
    });
    const signedOutAt = Date.now();
    expect((await send(bed.proxied, "POST", "/api/auth/sign-out", { cookie, body: {} })).status).toBe(200);
    const refusedAfter = await within(
      5_000,
      "the other instance refuses the cookie",
      async () => (await send(bed.direct, "GET", "/api/chats", { cookie })).status === 401,
    );
    await within(5_000, "the other instance ends the stream", async () => streamEndedAt > 0);
    expect(refusedAfter).toBeLessThan(5_000);
    expect(streamEndedAt - signedOutAt).toBeLessThan(5_000);
  });

  test("deactivating a colleague on one instance ends their session and live stream on the other", async () => {
    const admin = await signInTo(bed.proxied, ADMIN);
    const email = `leaver${Date.now()}@security.test`;
    const invited = await send(bed.proxied, "POST", "/api/admin/staff", {
      cookie: admin,
      body: { name: "Leaver", email, role: "agent" },
    });
    expect(invited.status, invited.text).toBe(200);
    const { member, link } = JSON.parse(invited.text) as { member: { id: string }; link: { url: string } };
    const token = link.url.split("/set-password/")[1];
    const accepted = await send(bed.direct, "POST", "/api/set-password", {
      body: { token, password: "leaving-soon-password" },
    });
    expect(accepted.status, accepted.text).toBe(200);
    const cookie = accepted.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    expect((await send(bed.direct, "GET", "/api/me", { cookie })).status).toBe(200);
    const stream = await openSse(`${bed.direct.url}/api/events`, { cookie });
    await within(5_000, "the stream is live", async () => stream.retryMs !== null);
    let streamEndedAt = 0;
    void stream.ended.then(() => {
      streamEndedAt = Date.now();
    });
    const deactivatedAt = Date.now();
    const deactivated = await send(bed.proxied, "PATCH", `/api/admin/staff/${member.id}`, {
      cookie: admin,
      body: { active: false },
    });
    expect(deactivated.status, deactivated.text).toBe(200);
    await within(5_000, "the other instance refuses the cookie", async () => {
      return (await send(bed.direct, "GET", "/api/chats", { cookie })).status === 401;
    });
    await within(5_000, "the other instance ends the stream", async () => streamEndedAt > 0);
    expect(streamEndedAt - deactivatedAt).toBeLessThan(5_000);
    // Through the proxied instance: a fresh client address, so no earlier test's lockout applies.
    const again = await send(bed.proxied, "POST", "/api/auth/sign-in/email", {
      body: { email, password: "leaving-soon-password" },
      headers: { "x-forwarded-for": freshClientAddress() },
    });
    expect(again.status).toBe(403);
  });

  test("a session row deleted in the database, or past its absolute lifetime, is refused everywhere", async () => {
    const deleted = await signInTo(bed.proxied, AGENT);
    const aged = await signInTo(bed.proxied, AGENT);
    for (const cookie of [deleted, aged]) {
      for (const app of [bed.proxied, bed.direct])
        expect((await send(app, "GET", "/api/me", { cookie })).status).toBe(200);
    }
    const sessions = await bed.sql.query<{ id: string }>(
      "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 2",
      [AGENT.email],
    );
    const [agedId, deletedId] = sessions.rows.map((row) => row.id);
    await bed.sql.query("DELETE FROM sessions WHERE id = $1", [deletedId]);
    await bed.sql.query("UPDATE sessions SET created_at = now() - interval '31 days' WHERE id = $1", [agedId]);
    for (const cookie of [deleted, aged]) {
      for (const app of [bed.proxied, bed.direct]) {
        await within(5_000, "revocation", async () => (await send(app, "GET", "/api/me", { cookie })).status === 401);
      }
    }
  });
});

type Expect = [none: number, agent: number, admin: number];
type Row = { route: string; path: () => string; statuses: Partial<Record<Method, Expect>> };

/**
 * What every /api route answers, per method, to a request without a session, from an agent and
 * from an admin (each change sent as the inbox's own pages send it: Origin and JSON, an empty
 * `{}` body). A method a route does not export is 405 for everyone.
 */
const ROUTE_TABLE: Row[] = [
  { route: "admin/audit", path: () => "/api/admin/audit", statuses: { GET: [401, 403, 200] } },
  { route: "alerts", path: () => "/api/alerts", statuses: { GET: [401, 200, 200] } },
  {
    route: "admin/connections",
    path: () => "/api/admin/connections",
    statuses: { GET: [401, 403, 200], POST: [401, 403, 400] },
  },
  {
    route: "admin/connections/[connectionId]",
    path: () => `/api/admin/connections/${MISSING_UUID}`,
    statuses: { PATCH: [401, 403, 400], DELETE: [401, 403, 404] },
  },
  {
    route: "admin/connections/[connectionId]/test",
    path: () => `/api/admin/connections/${MISSING_UUID}/test`,
    statuses: { POST: [401, 403, 404] },
  },
  { route: "admin/connections/test", path: () => "/api/admin/connections/test", statuses: { POST: [401, 403, 400] } },
  { route: "admin/staff", path: () => "/api/admin/staff", statuses: { GET: [401, 403, 200], POST: [401, 403, 400] } },
  {
    route: "admin/staff/[userId]",
    path: () => "/api/admin/staff/nobody",
    statuses: { PATCH: [401, 403, 400] },
  },
  {
    route: "auth/[...all]",
    path: () => "/api/auth/get-session",
    statuses: { GET: [200, 200, 200], POST: [404, 404, 404] },
  },
  {
    route: "auth/[...all]",
    path: () => "/api/auth/sign-in/email",
    statuses: { GET: [404, 404, 404], POST: [400, 400, 400] },
  },
  {
    route: "canned-replies",
    path: () => "/api/canned-replies",
    statuses: { GET: [401, 200, 200], POST: [401, 400, 400] },
  },
  {
    route: "canned-replies/[replyId]",
    path: () => `/api/canned-replies/${MISSING}`,
    statuses: { PATCH: [401, 400, 400], DELETE: [401, 404, 404] },
  },
  { route: "chats", path: () => "/api/chats", statuses: { GET: [401, 200, 200] } },
  { route: "chats/[chatId]", path: () => `/api/chats/${chatId}`, statuses: { GET: [401, 200, 200] } },
  { route: "chats/[chatId]/close", path: () => `/api/chats/${chatId}/close`, statuses: { POST: [401, 200, 200] } },
  // SmartSender has no invitation links.
  {
    route: "chats/[chatId]/invitation",
    path: () => `/api/chats/${chatId}/invitation`,
    statuses: { POST: [401, 422, 422] },
  },
  // A file's bytes as the body; without `?name=` the query is refused first.
  { route: "chats/[chatId]/files", path: () => `/api/chats/${chatId}/files`, statuses: { POST: [401, 400, 400] } },
  {
    route: "chats/[chatId]/messages",
    path: () => `/api/chats/${chatId}/messages`,
    statuses: { GET: [401, 200, 200], POST: [401, 400, 400] },
  },
  {
    route: "chats/[chatId]/participants",
    path: () => `/api/chats/${chatId}/participants`,
    statuses: { GET: [401, 200, 200] },
  },
  {
    route: "chats/[chatId]/participants/[participantId]",
    path: () => `/api/chats/${chatId}/participants/${MISSING}`,
    statuses: { DELETE: [401, 422, 422] },
  },
  { route: "chats/[chatId]/assign", path: () => `/api/chats/${chatId}/assign`, statuses: { POST: [401, 400, 400] } },
  {
    route: "chats/[chatId]/mentions/seen",
    path: () => `/api/chats/${chatId}/mentions/seen`,
    statuses: { POST: [401, 200, 200] },
  },
  { route: "chats/[chatId]/notes", path: () => `/api/chats/${chatId}/notes`, statuses: { POST: [401, 400, 400] } },
  {
    route: "chats/[chatId]/presence",
    path: () => `/api/chats/${chatId}/presence`,
    statuses: { POST: [401, 400, 400] },
  },
  { route: "chats/[chatId]/read", path: () => `/api/chats/${chatId}/read`, statuses: { POST: [401, 200, 200] } },
  { route: "chats/[chatId]/refresh", path: () => `/api/chats/${chatId}/refresh`, statuses: { POST: [401, 202, 202] } },
  { route: "chats/[chatId]/status", path: () => `/api/chats/${chatId}/status`, statuses: { POST: [401, 400, 400] } },
  { route: "chats/[chatId]/unread", path: () => `/api/chats/${chatId}/unread`, statuses: { POST: [401, 200, 200] } },
  { route: "connections", path: () => "/api/connections", statuses: { GET: [401, 200, 200] } },
  {
    route: "connections/[connectionId]/webhook",
    path: () => `/api/connections/${MISSING_UUID}/webhook`,
    statuses: { GET: [401, 403, 404], PATCH: [401, 403, 400], DELETE: [401, 403, 404] },
  },
  { route: "counts", path: () => "/api/counts", statuses: { GET: [401, 200, 200] } },
  { route: "events", path: () => "/api/events", statuses: { GET: [401, 200, 200] } },
  { route: "health", path: () => "/api/health", statuses: { GET: [200, 200, 200] } },
  { route: "lookup/link", path: () => "/api/lookup/link", statuses: { POST: [401, 400, 400] } },
  { route: "lookup/phone", path: () => "/api/lookup/phone", statuses: { POST: [401, 400, 400] } },
  { route: "me", path: () => "/api/me", statuses: { GET: [401, 200, 200], PATCH: [401, 400, 400] } },
  {
    route: "me/notifications",
    path: () => "/api/me/notifications?after=x",
    statuses: { GET: [401, 400, 400] },
  },
  { route: "me/password", path: () => "/api/me/password", statuses: { POST: [401, 400, 400] } },
  { route: "me/profile", path: () => "/api/me/profile", statuses: { PATCH: [401, 400, 400] } },
  { route: "presence", path: () => "/api/presence", statuses: { GET: [401, 200, 200] } },
  { route: "reports", path: () => "/api/reports?period=30d", statuses: { GET: [401, 200, 200] } },
  { route: "reports/csv", path: () => "/api/reports/csv?table=days", statuses: { GET: [401, 200, 200] } },
  { route: "reports/csv", path: () => "/api/reports/csv", statuses: { GET: [401, 400, 400] } },
  { route: "staff", path: () => "/api/staff", statuses: { GET: [401, 200, 200] } },
  {
    route: "team-settings",
    path: () => "/api/team-settings",
    statuses: { GET: [401, 200, 200], PATCH: [401, 403, 400] },
  },
  { route: "views", path: () => "/api/views", statuses: { GET: [401, 200, 200] } },
  {
    route: "media/attachments/[attachmentId]",
    path: () => `/api/media/attachments/${MISSING}`,
    statuses: { GET: [401, 404, 404] },
  },
  {
    route: "media/chats/[chatId]/avatar",
    path: () => `/api/media/chats/${MISSING}/avatar`,
    statuses: { GET: [401, 404, 404] },
  },
  {
    route: "messages/[messageId]/retry",
    path: () => `/api/messages/${MISSING}/retry`,
    statuses: { POST: [401, 404, 404] },
  },
  // Public: a provider downloads an agent's file here; the link's signature is the credential.
  { route: "files/[token]", path: () => `/api/files/${MISSING}`, statuses: { GET: [404, 404, 404] } },
  // Public: a one-time link's token is the credential.
  { route: "set-password", path: () => "/api/set-password", statuses: { POST: [400, 400, 400] } },
  // Public: MAX delivers updates here; the subscription's secret header is the credential
  // (an unknown connection is 404 for everyone; a wrong secret would be 401).
  {
    route: "webhooks/max/[connectionId]",
    path: () => `/api/webhooks/max/${MISSING_UUID}`,
    statuses: { POST: [404, 404, 404] },
  },
  // Last: it ends the session it is sent with.
  {
    route: "auth/[...all]",
    path: () => "/api/auth/sign-out",
    statuses: { GET: [404, 404, 404], POST: [200, 200, 200] },
  },
];

test.describe("the route table", () => {
  test("lists every /api route on disk, with each method it exports", () => {
    const documented = new Set(ROUTE_TABLE.map((row) => row.route));
    for (const { route, methods } of discoverApiRoutes()) {
      expect(documented.has(route), `app/api/${route} has no row in ROUTE_TABLE`).toBe(true);
      for (const method of methods) {
        const rows = ROUTE_TABLE.filter((row) => row.route === route);
        expect(
          rows.some((row) => row.statuses[method]),
          `app/api/${route} exports ${method}: document its statuses`,
        ).toBe(true);
      }
    }
    const onDisk = new Set(discoverApiRoutes().map((entry) => entry.route));
    for (const route of documented) expect(onDisk.has(route), `ROUTE_TABLE names a missing route ${route}`).toBe(true);
  });

  test("everything under /api/admin is for admins only: 401 without a session, 403 for an agent, whatever the method", () => {
    for (const { route, methods } of discoverApiRoutes().filter((entry) => entry.route.startsWith("admin/"))) {
      for (const method of methods) {
        for (const row of ROUTE_TABLE.filter((candidate) => candidate.route === route)) {
          const [none, agent] = row.statuses[method] ?? [];
          expect([none, agent], `${method} /api/${route}`).toEqual([401, 403]);
        }
      }
    }
  });

  test("every route × {no session, agent, admin} × {GET, POST, PATCH, DELETE} answers as documented, never 500", async () => {
    const cookies = [undefined, await signInTo(bed.proxied, AGENT), await signInTo(bed.proxied, ADMIN)];
    const differences: string[] = [];
    for (const row of ROUTE_TABLE) {
      for (const method of METHODS) {
        for (const [index, cookie] of cookies.entries()) {
          const expected = row.statuses[method]?.[index] ?? 405;
          const response = await send(bed.proxied, method, row.path(), {
            cookie,
            body: method === "GET" ? undefined : {},
            headers: { "x-forwarded-for": freshClientAddress() },
          });
          expect(response.status, `${method} ${row.path()}`).not.toBe(500);
          if (response.status !== expected) {
            differences.push(
              `${method} ${row.path()} as ${["nobody", "agent", "admin"][index]}: ${response.status} (documented ${expected}) ${response.text.slice(0, 200)}`,
            );
          }
          if (response.status >= 400 && response.status !== 405) {
            expect(JSON.parse(response.text), `${method} ${row.path()}`).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });
});

/** Strings that break naive code: control characters, NUL, lone surrogates, huge numbers, markup. */
const NASTY = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "9".repeat(400),
  "-1",
  "0",
  "1e308",
  "NaN",
  "Infinity",
  "2147483648",
  "9007199254740993",
  "<script>alert(1)</script>",
  "%00",
  "%E0",
  "../../etc/passwd",
  "' OR 1=1 --",
  "😀".repeat(100),
];

/** Strings that break naive code (control characters, NUL, lone surrogates, huge numbers, markup), often. */
const nastyString = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  {
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom("\u0000", "\ud800", "\u202e", "\n"),
        fc.string({ maxLength: 10 }),
      )
      .map((parts) => parts.join("")),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.bigInt().map(String),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

/** The fields our request schemas name, given values of every wrong (and sometimes right) type. */
const KNOWN_FIELDS = [
  "text",
  "clientId",
  "replyToMessageId",
  "phone",
  "name",
  "source",
  "link",
  "locale",
  "autoMarkRead",
  "email",
  "password",
  "callbackURL",
  // Staff and connection admin ("kind" is left out: a valid one would make the server test-call a
  // provider's default, non-loopback address).
  "token",
  "currentPassword",
  "newPassword",
  "role",
  "active",
  "resetPassword",
  "displayName",
  "baseUrl",
  "credentials",
  "settings",
  "enabled",
  "saveUntested",
];
const KNOWN_QUERY = [
  "cursor",
  "limit",
  "connection",
  "provider",
  "unread",
  "status",
  "q",
  "before",
  "lastEventId",
  "v",
  "user",
  "action",
  "chat",
  "from",
  "to",
  "chats",
];

const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...KNOWN_FIELDS), nastyValue, { maxKeys: 5 }).map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.integer({ min: 40, max: 200 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 40, max: 200 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  nastyString,
  fc.constantFrom("", "{", "null", "[]", '{"text":"\\u0000"}', '{"text":"\\ud800"}'),
);

/** Each query parameter our schemas know, present about half the time with a hostile value, and some unknown ones. */
const query = fc
  .tuple(
    fc.record(Object.fromEntries(KNOWN_QUERY.map((key) => [key, nastyString])), { requiredKeys: [] }),
    fc.array(fc.tuple(nastyString, nastyString), { maxLength: 2 }),
  )
  .map(([known, extra]) => {
    const params = new URLSearchParams();
    for (const [key, value] of [...Object.entries(known), ...extra]) if (value !== undefined) params.append(key, value);
    const text = params.toString();
    return text ? `?${text}` : "";
  });

const segment = fc
  .oneof(
    fc.constant("existing"),
    nastyString.filter((value) => value !== "" && value !== "." && value !== ".."),
  )
  // A URL cannot carry a lone surrogate (the browser sends U+FFFD instead).
  .map((value) =>
    value === "existing"
      ? "existing"
      : encodeURIComponent(
          value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
        ),
  );

/** Better Auth's endpoints (sign-out aside: it would end the fuzzing session) and made-up ones. */
const authPath = fc.oneof(
  fc.constantFrom("get-session", "sign-in/email", "sign-up/email", "ok", "reset-password", "list-sessions"),
  segment.filter((value) => value !== "existing" && value !== "sign-out"),
);

/** Whether a fuzzed request was answered acceptably: success, or a 4xx (502 for a provider failure) in the error shape. */
function acceptable(response: { status: number; text: string }): boolean {
  if (response.status < 400) return true;
  if (response.status === 405) return true;
  let shaped = false;
  try {
    const parsed = JSON.parse(response.text) as { error?: { code?: unknown; message?: unknown } };
    shaped = typeof parsed.error?.code === "string" && typeof parsed.error.message === "string";
  } catch {
    shaped = false;
  }
  return shaped && (response.status < 500 || response.status === 502);
}

test.describe("fuzzing every route's path, query and body", () => {
  test("answers 4xx in the error shape, never 500, and the server stays healthy", async () => {
    const cookie = await signInTo(bed.proxied, ADMIN);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const { route, methods } of discoverApiRoutes()) {
      for (const method of methods) {
        const property = fc.asyncProperty(
          fc.array(segment, { minLength: 2, maxLength: 2 }),
          authPath,
          query,
          body,
          async (segments, authEndpoint, search, payload) => {
            let used = 0;
            const pathname = route
              .split("/")
              .map((part) => {
                if (part === "[...all]") return authEndpoint;
                if (!part.startsWith("[")) return part;
                const value = segments[used++] ?? "existing";
                return value === "existing" ? String(chatId) : value;
              })
              .join("/");
            const response = await send(bed.proxied, method, `/api/${pathname}${search}`, {
              cookie,
              body: method === "GET" ? undefined : payload,
              headers: { "x-forwarded-for": freshClientAddress() },
            });
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            return acceptable(response);
          },
        );
        // A failure is shrunk to the smallest request that shows it, and reported with the others.
        await fc
          .assert(property, { numRuns: 25, seed: 20261204 })
          .catch((error: unknown) => failures.push(`${method} app/api/${route}: ${String(error).slice(0, 600)}`));
      }
    }
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    test.info().annotations.push({ type: "fuzzed statuses", description: summary.join(" ") });
    process.stdout.write(`    fuzzed statuses: ${summary.join(" ")}\n`);
    expect(failures).toEqual([]);
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(250);
    expect((await send(bed.proxied, "GET", "/api/health")).status).toBe(200);
    expect((await send(bed.direct, "GET", "/api/health")).status).toBe(200);
    expect((await send(bed.proxied, "GET", "/api/me", { cookie })).status).toBe(200);
  });

  test("each hostile value in each field a route's schemas know, the other fields valid, is refused cleanly", async () => {
    const cookie = await signInTo(bed.proxied, ADMIN);
    const valid = (() => {
      let sends = 0;
      return (route: string): Record<string, unknown> => {
        sends += 1;
        return (
          {
            "chats/[chatId]/messages": {
              text: "Hello",
              clientId: `6f1d4a1e-5c1b-4f7a-9a52-${String(sends).padStart(12, "0")}`,
            },
            "lookup/link": { link: "https://max.ru/join/sample" },
            "lookup/phone": { phone: "+7 900 000-00-00", name: "Sample", source: 0 },
            me: { locale: "en" },
            "auth/[...all]": { email: "sweep@security.test", password: "not-the-password" },
          }[route] ?? {}
        );
      };
    })();
    const queries: Record<string, string[]> = {
      chats: ["cursor", "limit", "connection", "provider", "unread", "status", "q"],
      "chats/[chatId]/messages": ["before", "limit"],
      events: ["lastEventId"],
      "media/chats/[chatId]/avatar": ["v"],
    };
    const failures: string[] = [];
    let sent = 0;
    for (const { route, methods } of discoverApiRoutes()) {
      const path = `/api/${route.replace("[...all]", "sign-in/email").replace(/\[\w+\]/g, String(chatId))}`;
      for (const method of methods) {
        const changes = method !== "GET";
        const fields = changes ? Object.keys(valid(route)) : (queries[route] ?? []);
        for (const field of fields) {
          for (const hostile of NASTY) {
            const body = valid(route);
            const search = new URLSearchParams();
            if (changes) body[field] = hostile;
            else search.set(field, hostile);
            const response = await send(bed.proxied, method, `${path}${changes ? "" : `?${search}`}`, {
              cookie,
              body: changes ? body : undefined,
              headers: { "x-forwarded-for": freshClientAddress() },
            });
            sent += 1;
            if (!acceptable(response)) {
              failures.push(
                `${method} ${path} ${field}=${JSON.stringify(hostile).slice(0, 30)} → ${response.status} ${response.text.slice(0, 120)}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
    expect((await send(bed.proxied, "GET", "/api/health")).status).toBe(200);
  });
});

test.describe("token leakage", () => {
  test("no response, page, live-update event or log line carries a provider token or the secret key", async () => {
    const cookie = await signInTo(bed.proxied, ADMIN);
    // Pages as an agent's browser gets them, and a live stream while a customer writes.
    for (const path of ["/", `/chats/${chatId}`, "/login"]) await send(bed.proxied, "GET", path, { cookie });
    const streaming = send(bed.proxied, "GET", "/api/events", { cookie, stream: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bed.sandbox.control("smartsender", "inject-message", { text: "A customer writes while the agent watches" });
    const events = await streaming;
    expect(events.status).toBe(200);
    // A provider that starts refusing the token: its errors must not echo it either.
    await bed.sandbox.control("max", "faults", { forceStatus: 401 });
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    await bed.sandbox.control("max", "faults", { forceStatus: null });
    for (const app of [bed.proxied, bed.direct]) {
      for (const path of ["/api/connections", "/api/chats?limit=200", "/api/counts", "/api/me"]) {
        await send(app, "GET", path, { cookie });
      }
    }
    const secrets = [...Object.values(PROVIDER_TOKENS), SECRET_KEY];
    const places = [
      ...seenBodies.map((text, index) => ({ where: `response ${index}: ${text.split("\n")[0]}`, text })),
      { where: "proxied instance log", text: bed.proxied.output() },
      { where: "direct instance log", text: bed.direct.output() },
    ];
    await test.info().attach("proxied instance log", { body: bed.proxied.output(), contentType: "text/plain" });
    await test.info().attach("direct instance log", { body: bed.direct.output(), contentType: "text/plain" });
    // Enough was looked at for the check to mean something: every response of this file's tests
    // (the route table and the fuzzing too, when the file runs whole) and debug-level logs.
    expect(seenBodies.length).toBeGreaterThan(10);
    expect(`${bed.proxied.output()}${bed.direct.output()}`).toContain('"level":20');
    const leaks = places.flatMap(({ where, text }) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where} contains ${secret}`),
    );
    expect(leaks).toEqual([]);
    // And at rest: the stored credentials are sealed.
    const stored = await bed.sql.query<{ credentials: string | null }>("SELECT credentials FROM connections");
    for (const { credentials } of stored.rows) {
      for (const token of Object.values(PROVIDER_TOKENS)) expect(credentials ?? "").not.toContain(token);
    }
  });
});
