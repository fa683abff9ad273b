import "server-only";
import type { SetPasswordRequest } from "@/lib/admin/staff/staff.types";
import { consumeStaffLink } from "@/lib/admin/staff/staff-links";
import { recordAudit } from "@/lib/audit/record";
import { auth } from "@/lib/auth/auth";
import { revokeUserSessions } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const REFUSED: Record<"expired" | "used" | "unknown", string> = {
  expired: "This link has expired. Ask an admin of the inbox for a new one.",
  used: "This link was already used. Sign in, or ask an admin for a new link.",
  unknown: "This link is not valid. Ask an admin of the inbox for a new one.",
};

/**
 * Uses a one-time link: stores the chosen password with Better Auth's own hashing, ends any
 * earlier session of the person, and signs them in (the answer carries Better Auth's session
 * cookie).
 */
export async function setPasswordByLink(prisma: Db, request: SetPasswordRequest, headers: Headers): Promise<Response> {
  const consumed = await consumeStaffLink(prisma, request.token);
  if (!("userId" in consumed)) {
    throw new AppError("CONFLICT", REFUSED[consumed.state], { reason: `link_${consumed.state}` });
  }
  const { userId } = consumed;
  const context = await auth().$context;
  const hash = await context.password.hash(request.password);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (await context.internalAdapter.findCredentialAccount(userId)) {
    await context.internalAdapter.updatePassword(userId, hash);
  } else {
    await context.internalAdapter.createAccount({
      userId,
      providerId: "credential",
      accountId: userId,
      password: hash,
    });
  }
  await revokeUserSessions(prisma, userId);
  await prisma.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id: userId, activatedAt: null }, data: { activatedAt: new Date() } });
    await recordAudit(tx, { userId, action: "staff.password_set", details: {} });
  });
  const signedIn = await auth().api.signInEmail({
    body: { email: user.email, password: request.password },
    headers,
    asResponse: true,
  });
  const response = Response.json({ ok: true }, { status: signedIn.ok ? 200 : signedIn.status });
  for (const cookie of signedIn.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
