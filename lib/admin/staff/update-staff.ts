import "server-only";
import { randomBytes } from "node:crypto";
import { STAFF_SELECT, toStaffMember } from "@/lib/admin/staff/list-staff";
import type { StaffLinkIssued, StaffMember, UpdateStaffRequest } from "@/lib/admin/staff/staff.types";
import { issueStaffLink } from "@/lib/admin/staff/staff-links";
import { recordAudit } from "@/lib/audit/record";
import { auth } from "@/lib/auth/auth";
import { revokeUserSessions, type StaffSession } from "@/lib/auth/session";
import type { Db, DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Whether the change leaves `userId` unable to act as an admin. */
function removesAdmin(change: UpdateStaffRequest): boolean {
  return ("role" in change && change.role === "agent") || ("active" in change && !change.active);
}

/** One lock for every change to who is an admin, so two admins demoting each other cannot both succeed. */
async function lockAdmins(tx: DbClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('inbox:staff-admins'))`;
}

/**
 * Changes one person: their role, active or not, or a password reset (a new one-time link; the
 * old password stops working and their sessions end). The last active admin stays one (409).
 * The changes themselves are Better Auth's admin plugin (`setRole`, `banUser`, `unbanUser`,
 * `setUserPassword`), called with the admin's own request headers.
 */
export async function updateStaff(
  prisma: Db,
  options: { admin: StaffSession; headers: Headers; userId: string; change: UpdateStaffRequest },
): Promise<{ member: StaffMember; link?: StaffLinkIssued }> {
  const { admin, headers, userId, change } = options;
  return prisma.$transaction(
    async (tx) => {
      await lockAdmins(tx);
      const target = await tx.user.findUnique({ where: { id: userId }, select: STAFF_SELECT });
      if (!target) throw new AppError("NOT_FOUND", "No such staff member");
      if (target.role === "admin" && !target.banned && removesAdmin(change)) {
        const otherAdmins = await tx.user.count({ where: { role: "admin", banned: false, id: { not: userId } } });
        if (otherAdmins === 0) {
          throw new AppError(
            "CONFLICT",
            "This is the last active admin. Make someone else an admin first, so the team keeps one.",
            { reason: "last_admin" },
          );
        }
      }
      let link: StaffLinkIssued | undefined;
      if ("role" in change) {
        if (change.role !== target.role) {
          await auth().api.setRole({ body: { userId, role: change.role }, headers });
          await recordAudit(tx, {
            userId: admin.userId,
            action: "staff.role_change",
            details: { targetUserId: userId, email: target.email, from: target.role, to: change.role },
          });
        }
      } else if ("active" in change) {
        if (change.active === target.banned) {
          if (change.active) {
            await auth().api.unbanUser({ body: { userId }, headers });
          } else {
            if (userId === admin.userId) throw new AppError("CONFLICT", "You cannot deactivate yourself");
            await auth().api.banUser({ body: { userId, banReason: "Deactivated by an admin" }, headers });
            // The plugin deletes the sessions too; this is the project's one way to say it, and
            // every instance hears it (and closes the person's live-update streams) within seconds.
            await revokeUserSessions(prisma, userId);
          }
          await recordAudit(tx, {
            userId: admin.userId,
            action: change.active ? "staff.reactivate" : "staff.deactivate",
            details: { targetUserId: userId, email: target.email },
          });
        }
      } else {
        if (target.banned) throw new AppError("CONFLICT", "Reactivate this person before resetting their password");
        if (target.activatedAt) {
          // An unguessable password replaces the old one at once; the person chooses a new one by the link.
          await auth().api.setUserPassword({
            body: { userId, newPassword: randomBytes(32).toString("base64url") },
            headers,
          });
          await revokeUserSessions(prisma, userId);
        }
        link = await issueStaffLink(tx, {
          userId,
          purpose: target.activatedAt ? "reset" : "invite",
          createdById: admin.userId,
        });
        await recordAudit(tx, {
          userId: admin.userId,
          action: "staff.password_reset",
          details: { targetUserId: userId, email: target.email },
        });
      }
      const updated = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: STAFF_SELECT });
      return { member: toStaffMember(updated), ...(link ? { link } : {}) };
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
