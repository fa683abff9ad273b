import "server-only";
import type { ChangePasswordRequest, UpdateProfileRequest } from "@/lib/admin/staff/staff.types";
import { recordAudit } from "@/lib/audit/record";
import { auth } from "@/lib/auth/auth";
import type { StaffSession } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type Profile = { name: string; email: string; role: "admin" | "agent" };

export async function updateProfile(prisma: Db, session: StaffSession, change: UpdateProfileRequest): Promise<Profile> {
  const user = await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: session.userId },
      data: { name: change.name },
      select: { name: true, email: true, role: true },
    });
    await recordAudit(tx, { userId: session.userId, action: "profile.update", details: { name: change.name } });
    return updated;
  });
  return user;
}

/**
 * Better Auth's `changePassword` checks the current password, stores the new one and, with
 * `revokeOtherSessions`, ends every session of the person (on every instance, through the
 * sessions table's notices) and starts a new one for this browser: the answer carries its cookie.
 */
export async function changePassword(
  prisma: Db,
  session: StaffSession,
  change: ChangePasswordRequest,
  headers: Headers,
): Promise<Response> {
  const answer = await auth().api.changePassword({
    body: { currentPassword: change.currentPassword, newPassword: change.newPassword, revokeOtherSessions: true },
    headers,
    asResponse: true,
  });
  if (!answer.ok) {
    const body = (await answer.json().catch(() => null)) as { code?: string } | null;
    if (body?.code === "INVALID_PASSWORD") {
      throw new AppError("BAD_REQUEST", "The current password is wrong", { field: "currentPassword" });
    }
    throw new AppError("BAD_REQUEST", "The password could not be changed");
  }
  await recordAudit(prisma, { userId: session.userId, action: "profile.password_change", details: {} });
  const response = Response.json({ ok: true });
  for (const cookie of answer.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
