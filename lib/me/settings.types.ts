import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { THEMES, type Theme } from "@/lib/me/theme";

export const ZUpdateSettingsRequest = z
  .object({
    locale: z.enum(LOCALES).optional(),
    autoMarkRead: z.boolean().optional(),
    theme: z.enum(THEMES).optional(),
    notifyDesktop: z.boolean().optional(),
    notifySound: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Nothing to change");
export type UpdateSettingsRequest = z.infer<typeof ZUpdateSettingsRequest>;

export type StaffSettings = {
  locale: string | null;
  autoMarkRead: boolean;
  theme: Theme;
  notifyDesktop: boolean;
  notifySound: boolean;
};
