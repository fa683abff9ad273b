"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";
import { IntlProvider } from "use-intl";
import type { Messages } from "@/lib/i18n/en";
import type { Locale } from "@/lib/i18n/locales";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Live updates (SSE) keep cached data fresh; refetching on every focus would only add load.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 2 },
    },
  });
}

export function AppProviders({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const [queryClient] = useState(createQueryClient);
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}>
      <QueryClientProvider client={queryClient}>
        {children}
        <Toaster richColors closeButton position="bottom-right" />
      </QueryClientProvider>
    </IntlProvider>
  );
}
