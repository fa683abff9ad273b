export const LOCALES = ["en", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Remembers the chosen language in the browser (and the user's profile keeps it across devices). */
export const LOCALE_COOKIE = "inbox_locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  const preferred = (header ?? "")
    .split(",")
    .map((part) => part.trim().split(";")[0]?.slice(0, 2).toLowerCase())
    .find((code) => isLocale(code));
  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}
