import { headers } from "next/headers";
import { cache } from "react";
import { getStaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { getTheme } from "@/lib/me/settings";
import { DEFAULT_THEME, type Theme } from "@/lib/me/theme";

const log = componentLogger("theme");

/**
 * The theme of this request: the signed-in agent's choice, else "system". Read on the server so
 * the page arrives with the right colours (no flash of the other theme, no inline script).
 * Cached per request: the root layout and its viewport both ask.
 */
export const requestTheme = cache(async (): Promise<Theme> => {
  // Outside the try: Next.js signals "this page is dynamic" by throwing from headers().
  const requestHeaders = await headers();
  try {
    const session = await getStaffSession(requestHeaders);
    return session ? await getTheme(db(), session.userId) : DEFAULT_THEME;
  } catch (error) {
    log.warn({ err: error }, "the agent's theme could not be read; following the system's");
    return DEFAULT_THEME;
  }
});
