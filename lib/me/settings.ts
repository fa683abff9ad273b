import type { DbClient } from "@/lib/db";
import type { StaffSettings, UpdateSettingsRequest } from "@/lib/me/settings.types";

export async function getSettings(client: DbClient, userId: string): Promise<StaffSettings> {
  return client.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, autoMarkRead: true } });
}

export async function updateSettings(
  client: DbClient,
  userId: string,
  changes: UpdateSettingsRequest,
): Promise<StaffSettings> {
  return client.user.update({ where: { id: userId }, data: changes, select: { locale: true, autoMarkRead: true } });
}
