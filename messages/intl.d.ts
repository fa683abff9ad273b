import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/messages/en";

// Types use-intl's `t("…")` keys and locales against messages/en.ts, so a missing text fails the type check.
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
