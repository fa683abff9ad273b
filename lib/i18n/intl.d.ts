import type { Messages } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n/locales";

// Types use-intl's `t("…")` keys and locales against lib/i18n/en.ts, so a missing text fails the type check.
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
