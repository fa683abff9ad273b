import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { AppProviders } from "@/components/app-providers";
import { MESSAGES, requestLocale } from "@/lib/i18n/server";
import { PROVIDER_INFO } from "@/lib/providers/catalog.types";

const providerNames = new Intl.ListFormat("en").format(Object.values(PROVIDER_INFO).map((info) => info.displayName));

import { requestTheme } from "@/lib/me/request-theme";
import type { Theme } from "@/lib/me/theme";

export const metadata: Metadata = {
  title: "Inbox",
  description: `Support inbox for ${providerNames} customers`,
};

const BROWSER_BAR: Record<Exclude<Theme, "system">, string> = { light: "#ffffff", dark: "#020617" };

export async function generateViewport(): Promise<Viewport> {
  const theme = await requestTheme();
  return {
    width: "device-width",
    initialScale: 1,
    // The on-screen keyboard shrinks the page (Chrome on Android), so the composer stays above it.
    interactiveWidget: "resizes-content",
    themeColor:
      theme === "system"
        ? [
            { media: "(prefers-color-scheme: light)", color: BROWSER_BAR.light },
            { media: "(prefers-color-scheme: dark)", color: BROWSER_BAR.dark },
          ]
        : BROWSER_BAR[theme],
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, theme] = await Promise.all([requestLocale(), requestTheme()]);
  return (
    <html lang={locale} data-theme={theme}>
      <body>
        <AppProviders locale={locale} messages={MESSAGES[locale]} theme={theme}>
          {children}
        </AppProviders>
      </body>
    </html>
  );
}
