import type { DbClient } from "@/lib/db";

/** A teammate as the pickers show them: the assignee picker and the @ of a note. */
export type StaffMember = { id: string; name: string; email: string };

/** Beyond this the pickers search on the server; a support team is far smaller. */
const MAX_LISTED = 500;

/**
 * Everyone who may own a chat or be mentioned, by name. The one place that says who counts as
 * active staff: deactivated accounts (lib/admin/staff) are left out here and from
 * `activeStaffIds`, which assignment and mentions check.
 */
export async function listStaff(client: DbClient): Promise<StaffMember[]> {
  return client.user.findMany({
    where: { banned: false },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_LISTED,
  });
}

/** Which of `ids` are active staff members. */
export async function activeStaffIds(client: DbClient, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await client.user.findMany({ where: { id: { in: ids }, banned: false }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
