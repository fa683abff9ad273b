import type { TeamSettings, TeamSettingsRequest } from "@/lib/assignment/team-settings.types";
import { recordAudit } from "@/lib/audit/record";
import type { Db, DbClient } from "@/lib/db";

export async function getTeamSettings(client: DbClient): Promise<TeamSettings> {
  const row = await client.inboxSettings.findUnique({ where: { id: true }, select: { autoAssign: true } });
  return { autoAssign: row?.autoAssign ?? false };
}

/** An admin's choice for the whole team, recorded in the audit log. */
export async function updateTeamSettings(
  prisma: Db,
  { userId, changes }: { userId: string; changes: TeamSettingsRequest },
): Promise<TeamSettings> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.inboxSettings.upsert({
      where: { id: true },
      create: { id: true, autoAssign: changes.autoAssign, updatedById: userId },
      update: { autoAssign: changes.autoAssign, updatedById: userId },
      select: { autoAssign: true },
    });
    await recordAudit(tx, { userId, action: "settings.team", details: { autoAssign: changes.autoAssign } });
    return { autoAssign: row.autoAssign };
  });
}
