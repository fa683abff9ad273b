import { NextResponse } from "next/server";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { getSettings, updateSettings } from "@/lib/me/settings";
import { ZUpdateSettingsRequest } from "@/lib/me/settings.types";

export const dynamic = "force-dynamic";

const A_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

export const GET = withSession(({ session }) => getSettings(db(), session.userId));

/** Saves the settings; a new language is also remembered in this browser's cookie, which picks the page language. */
export const PATCH = withSession({ body: ZUpdateSettingsRequest }, async ({ body: changes, session }) => {
  const response = NextResponse.json(await updateSettings(db(), session.userId, changes));
  if (changes.locale) {
    response.cookies.set(LOCALE_COOKIE, changes.locale, { path: "/", maxAge: A_YEAR_IN_SECONDS, sameSite: "lax" });
  }
  return response;
});
