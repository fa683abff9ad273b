import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { AppProviders } from "@/components/app-providers";
import { MESSAGES, requestLocale } from "@/lib/i18n/server";
import { PROVIDER_INFO } from "@/lib/providers/catalog.types";

const providerNames = new Intl.ListFormat("en").format(Object.values(PROVIDER_INFO).map((info) => info.displayName));

export const metadata: Metadata = {
  title: "Inbox",
  description: `Support inbox for ${providerNames} customers`,
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>
        <AppProviders locale={locale} messages={MESSAGES[locale]}>
          {children}
        </AppProviders>
      </body>
    </html>
  );
}
