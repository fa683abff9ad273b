"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";
import { IntlProvider } from "use-intl";
import { ThemeProvider, useTheme } from "@/components/theme-provider";
import type { Messages } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/me/theme";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Live updates (SSE) keep cached data fresh; refetching on every focus would only add load.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 2 },
    },
  });
}

function ThemedToaster() {
  const { theme } = useTheme();
  return <Toaster theme={theme} richColors closeButton position="bottom-right" />;
}

export function AppProviders({
  locale,
  messages,
  theme,
  children,
}: {
  locale: Locale;
  messages: Messages;
  theme: Theme;
  children: ReactNode;
}) {
  const [queryClient] = useState(createQueryClient);
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}>
      <ThemeProvider initial={theme}>
        <QueryClientProvider client={queryClient}>
          {children}
          <ThemedToaster />
        </QueryClientProvider>
      </ThemeProvider>
    </IntlProvider>
  );
}
