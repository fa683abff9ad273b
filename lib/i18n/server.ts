import { cookies, headers } from "next/headers";
import { createTranslator } from "use-intl/core";
import { en, type Messages } from "@/lib/i18n/en";
import { isLocale, LOCALE_COOKIE, type Locale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { ru } from "@/lib/i18n/ru";

export const MESSAGES: Record<Locale, Messages> = { en, ru };

/** The language of this request: the remembered choice, else the browser's preference. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function serverTranslator<Namespace extends keyof Messages>(namespace: Namespace) {
  const locale = await requestLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
