import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { issueStaffLink } from "@/lib/admin/staff/staff-links";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { deriveKey } from "@/lib/crypto/secret-key";
import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";

export const DEMO_ADMIN_EMAIL = "demo@inbox.local";

/** What the start banner prints (and, in demo mode, the login page shows). */
export type LoginHint = {
  email: string;
  password: string | null;
  shownOnLoginPage: boolean;
  /** A first admin without a password: the one-time link to choose one. */
  link?: string;
};

/**
 * Derived from the secret key, so every instance sharing a database (and so the key) shows the
 * same demo password, and a restart keeps it.
 */
export function demoPassword(secret: string): string {
  return deriveKey(secret, "demo-password").toString("base64url").slice(0, 16);
}

/** The demo admin belongs to the app, so its password is reset to the one the banner shows. */
async function ensureDemoAdmin(prisma: Db, password: string): Promise<void> {
  if (await ensureAdmin(prisma, DEMO_ADMIN_EMAIL, password, "Demo admin")) return;
  const user = await prisma.user.update({
    where: { email: DEMO_ADMIN_EMAIL },
    data: { banned: false, banReason: null, role: "admin" },
  });
  await prisma.account.updateMany({
    where: { userId: user.id, providerId: "credential" },
    data: { password: await hashPassword(password) },
  });
}

/**
 * Makes sure someone can sign in: the admin from ADMIN_EMAIL/ADMIN_PASSWORD, the demo admin
 * in demo mode, or, when neither applies and nobody exists yet, a generated first admin.
 */
export async function ensureStaffAccess(
  prisma: Db,
  config: Env,
  secret: string,
  demoMode: boolean,
): Promise<LoginHint | null> {
  // The demo admin exists only in demo mode: once a real connection is configured it is
  // deactivated (no sign-in, its sessions end) and its password is shown nowhere.
  if (!demoMode) await retireDemoAdmin(prisma);
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await ensureAdmin(prisma, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    return { email: config.ADMIN_EMAIL.toLowerCase(), password: null, shownOnLoginPage: false };
  }
  if (demoMode) {
    const password = demoPassword(secret);
    await ensureDemoAdmin(prisma, password);
    return { email: DEMO_ADMIN_EMAIL, password, shownOnLoginPage: true };
  }
  // Someone who can sign in (an invited person who never chose a password cannot): else a new link.
  const active = await prisma.user.count({
    where: { banned: false, activatedAt: { not: null }, email: { not: DEMO_ADMIN_EMAIL } },
  });
  if (active > 0) return null;
  return firstAdminInvitation(prisma);
}

async function retireDemoAdmin(prisma: Db): Promise<void> {
  const demo = await prisma.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL } });
  if (!demo || demo.banned) return;
  await prisma.$transaction([
    prisma.user.update({ where: { id: demo.id }, data: { banned: true, banReason: "Demo mode ended" } }),
    prisma.session.deleteMany({ where: { userId: demo.id } }),
  ]);
}

/**
 * Nobody can sign in yet and no ADMIN_EMAIL is set: a first admin without a password, and a
 * one-time link (printed once) to choose one. Instances starting together share the same person.
 */
async function firstAdminInvitation(prisma: Db): Promise<LoginHint> {
  const email = "admin@inbox.local";
  const user = await prisma.user.upsert({
    where: { email },
    create: { id: randomUUID(), email, name: "Administrator", role: "admin", emailVerified: true },
    update: {},
  });
  const link = await issueStaffLink(prisma, { userId: user.id, purpose: "invite", createdById: null });
  return { email, password: null, shownOnLoginPage: false, link: link.url };
}
