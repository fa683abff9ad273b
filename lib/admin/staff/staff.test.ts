import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchStaff } from "@/app/api/admin/staff/[userId]/route";
import { POST as inviteRoute, GET as listStaffRoute } from "@/app/api/admin/staff/route";
import { POST as changePasswordRoute } from "@/app/api/me/password/route";
import { GET as meRoute } from "@/app/api/me/route";
import { POST as setPasswordRoute } from "@/app/api/set-password/route";
import type { StaffLinkIssued, StaffMember } from "@/lib/admin/staff/staff.types";
import { callRoute, signInCookie } from "@/lib/admin/testing/route-call";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { closeSessionWatch } from "@/lib/auth/session-watch";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const ADMIN = { email: "boss@example.com", password: "the-boss-password-1" };
let database: TestDatabase;
let adminCookie: string;

const call = callRoute;
const signIn = signInCookie;

const tokenOf = (link: StaffLinkIssued) => link.url.split("/set-password/")[1] ?? "";

async function invite(email: string, role: "admin" | "agent" = "agent") {
  const answer = await call(inviteRoute, "POST", {
    cookie: adminCookie,
    body: { name: `Person ${email}`, email, role },
  });
  expect(answer.status).toBe(200);
  return answer.body as { member: StaffMember; link: StaffLinkIssued };
}

/** An invited person who chose a password and is signed in. */
async function colleague(email: string, role: "admin" | "agent" = "agent") {
  const { member, link } = await invite(email, role);
  const password = `a-strong-pass-${email}`;
  const accepted = await call(setPasswordRoute, "POST", { body: { token: tokenOf(link), password } });
  expect(accepted.status).toBe(200);
  return { member, password, cookie: accepted.cookie };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ databaseUrl: database.url, secretKey: "staff-test-secret-0123456789abcdef-xyz" });
  await ensureAdmin(database.prisma, ADMIN.email, ADMIN.password, "Boss");
  adminCookie = (await signIn(ADMIN.email, ADMIN.password)).cookie;
});

afterAll(async () => {
  await closeSessionWatch();
  await database.drop();
});

describe("invitations", () => {
  it("an invited person appears as invited, sets a password by the link once, and is then signed in", async () => {
    const { member, link } = await invite("ann@example.com");
    expect(member).toMatchObject({ email: "ann@example.com", role: "agent", status: "invited", lastSignInAt: null });
    expect(link.url).toMatch(/\/set-password\/[\w-]{40,}$/);
    const days = (new Date(link.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // No password yet: nobody can sign in as them.
    expect((await signIn("ann@example.com", "")).status).not.toBe(200);

    const accepted = await call(setPasswordRoute, "POST", {
      body: { token: tokenOf(link), password: "ann-chose-this-one" },
    });
    expect(accepted.status).toBe(200);
    const me = await call(meRoute, "GET", { cookie: accepted.cookie });
    expect(me.status).toBe(200);
    const team = (await call(listStaffRoute, "GET", { cookie: adminCookie })).body as StaffMember[];
    expect(team.find((person) => person.email === "ann@example.com")).toMatchObject({
      status: "active",
      lastSignInAt: expect.any(String),
    });

    const again = await call(setPasswordRoute, "POST", {
      body: { token: tokenOf(link), password: "another-pass-123" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe("link_used");
    expect((await signIn("ann@example.com", "another-pass-123")).status).toBe(401);
    expect((await signIn("ann@example.com", "ann-chose-this-one")).status).toBe(200);
  });

  it("an expired link is refused with its reason, and a used-up race gives the person to one request only", async () => {
    const { member, link } = await invite("bob@example.com");
    await database.prisma.staffLink.updateMany({
      where: { userId: member.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await call(setPasswordRoute, "POST", {
      body: { token: tokenOf(link), password: "bob-password-long" },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.details.reason).toBe("link_expired");

    const fresh = (
      await call(patchStaff, "PATCH", {
        cookie: adminCookie,
        params: { userId: member.id },
        body: { resetPassword: true },
      })
    ).body as { link: StaffLinkIssued };
    const racing = await Promise.all(
      [1, 2].map((n) =>
        call(setPasswordRoute, "POST", { body: { token: tokenOf(fresh.link), password: `bob-password-${n}-long` } }),
      ),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it("refuses short and common passwords, an unknown token, and a duplicate email", async () => {
    const { link } = await invite("cat@example.com");
    for (const password of ["short-one", "password1234", "aaaaaaaaaaaaaaa"]) {
      const answer = await call(setPasswordRoute, "POST", { body: { token: tokenOf(link), password } });
      expect(answer.status, password).toBe(400);
    }
    const unknown = await call(setPasswordRoute, "POST", {
      body: { token: "x".repeat(43), password: "a-perfectly-fine-password" },
    });
    expect(unknown.body.error.details.reason).toBe("link_unknown");
    const duplicate = await call(inviteRoute, "POST", {
      cookie: adminCookie,
      body: { name: "Cat", email: "CAT@example.com", role: "agent" },
    });
    expect(duplicate.status).toBe(409);
  });
});

describe("roles and the last admin", () => {
  it("agents get 403 on the staff API; a role change takes effect on the person's next request", async () => {
    const dan = await colleague("dan@example.com");
    expect((await call(listStaffRoute, "GET", { cookie: dan.cookie })).status).toBe(403);
    expect(
      (
        await call(inviteRoute, "POST", {
          cookie: dan.cookie,
          body: { name: "X", email: "x@example.com", role: "admin" },
        })
      ).status,
    ).toBe(403);
    const promoted = await call(patchStaff, "PATCH", {
      cookie: adminCookie,
      params: { userId: dan.member.id },
      body: { role: "admin" },
    });
    expect(promoted.body.member.role).toBe("admin");
    await until(
      "dan is an admin",
      async () => (await call(listStaffRoute, "GET", { cookie: dan.cookie })).status === 200,
    );
    await call(patchStaff, "PATCH", {
      cookie: adminCookie,
      params: { userId: dan.member.id },
      body: { role: "agent" },
    });
    await until(
      "dan is an agent again",
      async () => (await call(listStaffRoute, "GET", { cookie: dan.cookie })).status === 403,
    );
  });

  it("the last active admin can be neither demoted nor deactivated (409 with a message)", async () => {
    const bossId = (await database.prisma.user.findUniqueOrThrow({ where: { email: ADMIN.email } })).id;
    const demote = await call(patchStaff, "PATCH", {
      cookie: adminCookie,
      params: { userId: bossId },
      body: { role: "agent" },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/last active admin/);
    const eve = await colleague("eve@example.com", "admin");
    // Two admins demoting each other at the same moment: one of them stays an admin.
    const [first, second] = await Promise.all([
      call(patchStaff, "PATCH", { cookie: adminCookie, params: { userId: eve.member.id }, body: { role: "agent" } }),
      call(patchStaff, "PATCH", { cookie: eve.cookie, params: { userId: bossId }, body: { role: "agent" } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(await database.prisma.user.count({ where: { role: "admin", banned: false } })).toBe(1);
    // Whoever is left is the last admin: restore the boss for the other tests.
    if (first.status === 409) {
      const eveCookie = (await signIn("eve@example.com", eve.password)).cookie;
      await call(patchStaff, "PATCH", { cookie: eveCookie, params: { userId: bossId }, body: { role: "admin" } });
      adminCookie = (await signIn(ADMIN.email, ADMIN.password)).cookie;
    }
  });
});

describe("deactivation and passwords", () => {
  it("deactivation ends the person's sessions at once and refuses sign-in; reactivation allows it again", async () => {
    const fay = await colleague("fay@example.com");
    const second = await signIn("fay@example.com", fay.password);
    expect((await call(meRoute, "GET", { cookie: fay.cookie })).status).toBe(200);
    const off = await call(patchStaff, "PATCH", {
      cookie: adminCookie,
      params: { userId: fay.member.id },
      body: { active: false },
    });
    expect(off.body.member.status).toBe("deactivated");
    for (const cookie of [fay.cookie, second.cookie]) {
      await until("the session ends", async () => (await call(meRoute, "GET", { cookie })).status === 401);
    }
    expect(await database.prisma.session.count({ where: { userId: fay.member.id } })).toBe(0);
    expect((await signIn("fay@example.com", fay.password)).status).toBe(403);
    await call(patchStaff, "PATCH", { cookie: adminCookie, params: { userId: fay.member.id }, body: { active: true } });
    expect((await signIn("fay@example.com", fay.password)).status).toBe(200);
  });

  it("a password reset stops the old password and gives a new one-time link", async () => {
    const gus = await colleague("gus@example.com");
    const reset = await call(patchStaff, "PATCH", {
      cookie: adminCookie,
      params: { userId: gus.member.id },
      body: { resetPassword: true },
    });
    expect(reset.status).toBe(200);
    expect((await signIn("gus@example.com", gus.password)).status).toBe(401);
    await until("gus's session ends", async () => (await call(meRoute, "GET", { cookie: gus.cookie })).status === 401);
    const accepted = await call(setPasswordRoute, "POST", {
      body: { token: tokenOf(reset.body.link), password: "gus-new-password-9" },
    });
    expect(accepted.status).toBe(200);
    expect((await signIn("gus@example.com", "gus-new-password-9")).status).toBe(200);
  });

  it("changing one's own password needs the current one and ends the other sessions", async () => {
    const hal = await colleague("hal@example.com");
    const elsewhere = await signIn("hal@example.com", hal.password);
    const wrong = await call(changePasswordRoute, "POST", {
      cookie: hal.cookie,
      body: { currentPassword: "not-my-password", newPassword: "hal-next-password" },
    });
    expect(wrong.status).toBe(400);
    const changed = await call(changePasswordRoute, "POST", {
      cookie: hal.cookie,
      body: { currentPassword: hal.password, newPassword: "hal-next-password" },
    });
    expect(changed.status).toBe(200);
    expect((await call(meRoute, "GET", { cookie: changed.cookie })).status).toBe(200);
    await until(
      "the other session ends",
      async () => (await call(meRoute, "GET", { cookie: elsewhere.cookie })).status === 401,
    );
    expect((await signIn("hal@example.com", hal.password)).status).toBe(401);
  });

  it("writes every staff change to the audit log, without any password", async () => {
    const entries = await database.prisma.auditLog.findMany({ where: { action: { startsWith: "staff." } } });
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      "staff.invite",
      "staff.role_change",
      "staff.deactivate",
      "staff.reactivate",
      "staff.password_reset",
      "staff.password_set",
    ]) {
      expect(actions.has(action), action).toBe(true);
    }
    const all = JSON.stringify(await database.prisma.auditLog.findMany());
    expect(all).not.toContain("hal-next-password");
    expect(all).not.toContain("a-strong-pass-");
    await expect(database.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
