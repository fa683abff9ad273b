import { hashPassword } from "better-auth/crypto";
import { ensureAdmin, generatePassword } from "@/lib/auth/ensure-admin";
import { deriveKey } from "@/lib/crypto/secret-key";
import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";

export const DEMO_ADMIN_EMAIL = "demo@inbox.local";

/** What the start banner prints (and, in demo mode, the login page shows). */
export type LoginHint = { email: string; password: string | null; shownOnLoginPage: boolean };

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
  const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL } });
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
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await ensureAdmin(prisma, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    return { email: config.ADMIN_EMAIL.toLowerCase(), password: null, shownOnLoginPage: false };
  }
  if (demoMode) {
    const password = demoPassword(secret);
    await ensureDemoAdmin(prisma, password);
    return { email: DEMO_ADMIN_EMAIL, password, shownOnLoginPage: true };
  }
  if ((await prisma.user.count()) > 0) return null;
  const email = "admin@inbox.local";
  const password = generatePassword();
  await ensureAdmin(prisma, email, password);
  return { email, password, shownOnLoginPage: false };
}
