import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectStaffLink } from "@/lib/admin/staff/staff-links";
import { parseEnv } from "@/lib/env";
import { DEMO_ADMIN_EMAIL, demoPassword, ensureStaffAccess } from "@/lib/server/staff-access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const secret = "s".repeat(40);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function passwordMatches(email: string, password: string) {
  const user = await database.prisma.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
  const hash = user.accounts[0]?.password ?? "";
  return { role: user.role, matches: await verifyPassword({ hash, password }) };
}

describe("staff access at start", () => {
  it("in demo mode creates the demo admin whose password is the one shown, and keeps it across starts", async () => {
    const hint = await ensureStaffAccess(database.prisma, parseEnv({}), secret, true);
    expect(hint).toEqual({ email: DEMO_ADMIN_EMAIL, password: demoPassword(secret), shownOnLoginPage: true });
    expect(await passwordMatches(DEMO_ADMIN_EMAIL, demoPassword(secret))).toEqual({ role: "admin", matches: true });
    await ensureStaffAccess(database.prisma, parseEnv({}), secret, true);
    expect(await database.prisma.user.count({ where: { email: DEMO_ADMIN_EMAIL } })).toBe(1);
  });

  it("creates the ADMIN_EMAIL admin once and never overwrites its password later", async () => {
    const config = parseEnv({ ADMIN_EMAIL: "Boss@Example.com", ADMIN_PASSWORD: "first-password" });
    await ensureStaffAccess(database.prisma, config, secret, false);
    const changed = parseEnv({ ADMIN_EMAIL: "boss@example.com", ADMIN_PASSWORD: "second-password" });
    await ensureStaffAccess(database.prisma, changed, secret, false);
    expect(await passwordMatches("boss@example.com", "first-password")).toEqual({ role: "admin", matches: true });
  });

  it("two instances creating the same admin at once both start", async () => {
    const config = parseEnv({ ADMIN_EMAIL: "twin@example.com", ADMIN_PASSWORD: "twin-password" });
    await Promise.all([
      ensureStaffAccess(database.prisma, config, secret, false),
      ensureStaffAccess(database.prisma, config, secret, false),
    ]);
    expect(await database.prisma.user.count({ where: { email: "twin@example.com" } })).toBe(1);
  });

  it("once a real connection is configured, the demo admin is deactivated and its sessions end; demo mode brings it back", async () => {
    await ensureStaffAccess(database.prisma, parseEnv({}), secret, true);
    const demo = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL } });
    await database.prisma.session.create({
      data: { id: "demo-session", token: "demo-token", userId: demo.id, expiresAt: new Date(Date.now() + 60_000) },
    });
    const hint = await ensureStaffAccess(database.prisma, parseEnv({}), secret, false);
    expect(hint?.password ?? null).toBeNull();
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: demo.id } })).banned).toBe(true);
    expect(await database.prisma.session.count({ where: { userId: demo.id } })).toBe(0);
    await ensureStaffAccess(database.prisma, parseEnv({}), secret, true);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: demo.id } })).banned).toBe(false);
  });
});

describe("first start without ADMIN_EMAIL and without demo mode", () => {
  it("prints a one-time link for a first admin instead of a password", async () => {
    const empty = await createTestDatabase();
    try {
      const hint = await ensureStaffAccess(empty.prisma, parseEnv({}), secret, false);
      expect(hint).toMatchObject({
        email: "admin@inbox.local",
        password: null,
        link: expect.stringContaining("/set-password/"),
      });
      const user = await empty.prisma.user.findUniqueOrThrow({
        where: { email: "admin@inbox.local" },
        include: { accounts: true },
      });
      expect(user.role).toBe("admin");
      expect(user.accounts).toEqual([]);
      const token = hint?.link?.split("/set-password/")[1] ?? "";
      expect(await inspectStaffLink(empty.prisma, token)).toMatchObject({ state: "valid", email: "admin@inbox.local" });
    } finally {
      await empty.drop();
    }
  });
});
