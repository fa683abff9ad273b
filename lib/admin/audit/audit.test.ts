import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/admin/audit/route";
import type { AuditEntry } from "@/lib/admin/audit/audit.types";
import { callRoute, signInCookie } from "@/lib/admin/testing/route-call";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { closeSessionWatch } from "@/lib/auth/session-watch";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let admin: string;
let ids: { admin: string; agent: string };
let chatId: number;

const get = async (query: string) => {
  const answer = await callRoute(auditRoute, "GET", { cookie: admin, query });
  expect(answer.status, answer.text).toBe(200);
  return answer.body as { items: AuditEntry[]; nextCursor: string | null };
};

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url, secretKey: "audit-test-secret-0123456789abcdef-xyz" });
  const prisma = database.prisma;
  await ensureAdmin(prisma, "admin@example.com", "admin-password-123");
  await ensureAdmin(prisma, "agent@example.com", "agent-password-123", "Agent", "agent");
  admin = (await signInCookie("admin@example.com", "admin-password-123")).cookie;
  const users = await prisma.user.findMany();
  ids = {
    admin: users.find((user) => user.role === "admin")?.id ?? "",
    agent: users.find((user) => user.role === "agent")?.id ?? "",
  };
  const connection = await prisma.connection.create({
    data: { slug: "test:1", kind: "smartsender", displayName: "S", baseUrl: "http://127.0.0.1:1" },
  });
  chatId = (await prisma.chat.create({ data: { connectionId: connection.id, externalId: "c1", title: "Order 42" } }))
    .id;
  // 30 entries over 30 days: the agent marks read (on the chat) on even days, sends on odd ones.
  const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 12));
  await prisma.auditLog.createMany({
    data: Array.from({ length: 30 }, (_, n) => ({
      userId: ids.agent,
      action: n % 2 === 0 ? "chat.mark_read" : "message.send",
      chatId: n % 2 === 0 ? chatId : null,
      createdAt: day(n),
    })),
  });
});

afterAll(async () => {
  await closeSessionWatch();
  await database.drop();
});

describe("GET /api/admin/audit", () => {
  it("pages newest first by cursor, with nothing repeated or lost", async () => {
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`?limit=7&user=${ids.agent}${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(30);
    const times = seen.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(seen[0]).toMatchObject({ userName: "Agent", userEmail: "agent@example.com" });
  });

  it("filters by person, action, chat and date range", async () => {
    expect((await get(`?user=${ids.admin}&action=chat.mark_read`)).items).toEqual([]);
    const reads = await get(`?action=chat.mark_read&limit=100`);
    expect(reads.items).toHaveLength(15);
    expect(reads.items.every((entry) => entry.action === "chat.mark_read")).toBe(true);
    const onChat = await get(`?chat=${chatId}&limit=100`);
    expect(onChat.items).toHaveLength(15);
    expect(onChat.items[0]?.chatTitle).toBe("Order 42");
    // 2026-11-03 … 2026-11-05 whole days: three entries.
    const range = await get("?from=2026-11-03&to=2026-11-05&limit=100");
    expect(range.items.map((entry) => entry.at.slice(0, 10))).toEqual(["2026-11-05", "2026-11-04", "2026-11-03"]);
  });

  it("refuses a bad filter or cursor with 400, and the log cannot be changed", async () => {
    for (const query of ["?limit=0", "?from=yesterday", "?chat=-1", "?cursor=garbage"]) {
      expect((await callRoute(auditRoute, "GET", { cookie: admin, query })).status, query).toBe(400);
    }
    await expect(database.prisma.auditLog.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
    await expect(database.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
