import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const ZUpdateSettingsRequest = z
  .object({ locale: z.enum(LOCALES).optional(), autoMarkRead: z.boolean().optional() })
  .refine((value) => Object.keys(value).length > 0, "Nothing to change");
export type UpdateSettingsRequest = z.infer<typeof ZUpdateSettingsRequest>;

export type StaffSettings = { locale: string | null; autoMarkRead: boolean };
