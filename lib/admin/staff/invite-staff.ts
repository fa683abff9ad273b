import "server-only";
import { STAFF_SELECT, toStaffMember } from "@/lib/admin/staff/list-staff";
import type { InviteStaffRequest, StaffLinkIssued, StaffMember } from "@/lib/admin/staff/staff.types";
import { issueStaffLink } from "@/lib/admin/staff/staff-links";
import { recordAudit } from "@/lib/audit/record";
import { auth } from "@/lib/auth/auth";
import type { StaffSession } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Adds a person without a password (Better Auth's admin plugin `createUser`: no credential
 * account, so nobody can sign in as them yet) and a one-time link for them to choose one.
 */
export async function inviteStaff(
  prisma: Db,
  options: { admin: StaffSession; headers: Headers; invite: InviteStaffRequest },
): Promise<{ member: StaffMember; link: StaffLinkIssued }> {
  const { invite, admin } = options;
  if (await prisma.user.findUnique({ where: { email: invite.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "Someone on the team already has this email", { field: "email" });
  }
  let userId: string;
  try {
    const created = await auth().api.createUser({
      body: { email: invite.email, name: invite.name, role: invite.role },
      headers: options.headers,
    });
    userId = created.user.id;
  } catch (error) {
    // Two admins inviting the same address at once: the second one loses.
    if (await prisma.user.findUnique({ where: { email: invite.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Someone on the team already has this email", { field: "email" });
    }
    throw error;
  }
  return prisma.$transaction(async (tx) => {
    const link = await issueStaffLink(tx, { userId, purpose: "invite", createdById: admin.userId });
    await recordAudit(tx, {
      userId: admin.userId,
      action: "staff.invite",
      details: { targetUserId: userId, email: invite.email, role: invite.role },
    });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: STAFF_SELECT });
    return { member: toStaffMember(user), link };
  });
}
