import "server-only";
import type { StaffMember, StaffStatus } from "@/lib/admin/staff/staff.types";
import type { DbClient } from "@/lib/db";

type Row = {
  id: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  banned: boolean;
  activatedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export function statusOf(user: Pick<Row, "banned" | "activatedAt">): StaffStatus {
  if (user.banned) return "deactivated";
  return user.activatedAt ? "active" : "invited";
}

export function toStaffMember(user: Row): StaffMember {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: statusOf(user),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export const STAFF_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  banned: true,
  activatedAt: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

/** The whole team (5–50 people): active first, then invited, then deactivated, by name. */
export async function listStaff(client: DbClient): Promise<StaffMember[]> {
  const users = await client.user.findMany({ select: STAFF_SELECT, orderBy: [{ name: "asc" }, { email: "asc" }] });
  const order: Record<StaffStatus, number> = { active: 0, invited: 1, deactivated: 2 };
  return users.map(toStaffMember).sort((a, b) => order[a.status] - order[b.status]);
}
