"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

export type CacheEntry = { queryKey: QueryKey; data: unknown };

/**
 * Puts data the server read with the page into the query cache before anything below renders,
 * so the first render (on the server and in the browser) already shows it. Only once, and only
 * where the cache has nothing: a refresh never replaces what the browser loaded since.
 */
export function CacheSeed({ entries }: { entries: CacheEntry[] }) {
  const queryClient = useQueryClient();
  useState(() => {
    for (const { queryKey, data } of entries) {
      if (queryClient.getQueryData(queryKey) === undefined) queryClient.setQueryData(queryKey, data);
    }
  });
  return null;
}
