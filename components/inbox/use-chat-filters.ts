"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type ChatFilters, filtersFromParams, withFilters } from "@/lib/queries/chat-filters";

/**
 * The list's filters, read from and written to the URL. Writing replaces the history entry
 * (typing a search should not fill the back button) without a server round trip: Next.js
 * picks up history.replaceState and updates useSearchParams.
 */
export function useChatFilters(): [ChatFilters, (change: Partial<ChatFilters>) => void] {
  const params = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilters = useCallback((change: Partial<ChatFilters>) => {
    const current = filtersFromParams(new URLSearchParams(window.location.search));
    window.history.replaceState(null, "", withFilters(window.location.pathname, { ...current, ...change }));
  }, []);
  return [filters, setFilters];
}
