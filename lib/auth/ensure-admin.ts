import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/db";

export type AdminAccount = { email: string; password: string; created: boolean };

/**
 * Creates an admin (or, with `role`, an agent) with an email/password credential when no user has
 * that email. An existing account is never touched: its password may have been changed since.
 */
export async function ensureAdmin(
  prisma: Db,
  email: string,
  password: string,
  name = "Administrator",
  role: "admin" | "agent" = "admin",
): Promise<boolean> {
  const normalizedEmail = email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email: normalizedEmail } });
  if (existing) return false;
  const userId = randomUUID();
  const passwordHash = await hashPassword(password);
  try {
    await prisma.$transaction([
      prisma.user.create({
        data: { id: userId, email: normalizedEmail, name, role, emailVerified: true, activatedAt: new Date() },
      }),
      prisma.account.create({
        data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: passwordHash },
      }),
    ]);
  } catch (error) {
    // Another instance starting at the same moment created it first.
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
  return true;
}
