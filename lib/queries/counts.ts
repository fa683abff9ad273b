import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { UnreadCounts } from "@/lib/chats/unread-counts";
import { apiGet } from "@/lib/queries/api";
import { countKeys } from "@/lib/queries/keys";

export function useUnreadCounts() {
  return useQuery({ queryKey: countKeys.all, queryFn: ({ signal }) => apiGet<UnreadCounts>("/api/counts", signal) });
}

/** Moves the cached totals by one chat's change from `before` to `after` unread messages. */
export function adjustCachedCounts(queryClient: QueryClient, connectionId: string, before: number, after: number) {
  if (before === after) return;
  const chatDelta = Number(after > 0) - Number(before > 0);
  queryClient.setQueryData<UnreadCounts>(countKeys.all, (counts) => {
    if (!counts) return counts;
    const current = counts.byConnection[connectionId] ?? { unread: 0, chats: 0 };
    return {
      total: Math.max(0, counts.total + after - before),
      chats: Math.max(0, counts.chats + chatDelta),
      byConnection: {
        ...counts.byConnection,
        [connectionId]: {
          unread: Math.max(0, current.unread + after - before),
          chats: Math.max(0, current.chats + chatDelta),
        },
      },
    };
  });
}
