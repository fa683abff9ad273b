import type { DbClient } from "@/lib/db";
import type { StaffSettings, UpdateSettingsRequest } from "@/lib/me/settings.types";
import { DEFAULT_THEME, type Theme } from "@/lib/me/theme";

const SETTINGS = { locale: true, autoMarkRead: true, theme: true, notifyDesktop: true, notifySound: true } as const;

export async function getSettings(client: DbClient, userId: string): Promise<StaffSettings> {
  return client.user.findUniqueOrThrow({ where: { id: userId }, select: SETTINGS });
}

export async function updateSettings(
  client: DbClient,
  userId: string,
  changes: UpdateSettingsRequest,
): Promise<StaffSettings> {
  return client.user.update({ where: { id: userId }, data: changes, select: SETTINGS });
}

/** The agent's theme, read with every page so the server paints it from the first byte. */
export async function getTheme(client: DbClient, userId: string): Promise<Theme> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { theme: true } });
  return user?.theme ?? DEFAULT_THEME;
}
