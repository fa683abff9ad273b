import { z } from "zod";
import type { DbClient } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locales";

export const ZUpdateSettingsRequest = z
  .object({ locale: z.enum(LOCALES).optional(), autoMarkRead: z.boolean().optional() })
  .refine((value) => Object.keys(value).length > 0, "Nothing to change");

export type StaffSettings = { locale: string | null; autoMarkRead: boolean };

export async function getSettings(client: DbClient, userId: string): Promise<StaffSettings> {
  return client.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, autoMarkRead: true } });
}

export async function updateSettings(
  client: DbClient,
  userId: string,
  changes: z.infer<typeof ZUpdateSettingsRequest>,
): Promise<StaffSettings> {
  return client.user.update({ where: { id: userId }, data: changes, select: { locale: true, autoMarkRead: true } });
}
