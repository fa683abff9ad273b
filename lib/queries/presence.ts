import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { PresenceNotice } from "@/lib/events/types";
import type { PresenceEntry } from "@/lib/presence/presence.types";
import { apiGet } from "@/lib/queries/api";
import { presenceKeys } from "@/lib/queries/keys";

/** Every tab present on a chat now: read once, then kept current by the presence notices over /api/events. */
export function usePresence<Selected = PresenceEntry[]>(select?: (entries: PresenceEntry[]) => Selected) {
  return useQuery({
    queryKey: presenceKeys.all,
    queryFn: ({ signal }) => apiGet<PresenceEntry[]>("/api/presence", signal),
    staleTime: Number.POSITIVE_INFINITY,
    select,
  });
}

/** A notice from the stream, applied to the cached presence: a tab shows a chat, types there, or left. */
export function applyPresenceNotice(queryClient: QueryClient, notice: PresenceNotice | "resync") {
  if (notice === "resync") {
    void queryClient.invalidateQueries({ queryKey: presenceKeys.all });
    return;
  }
  queryClient.setQueryData<PresenceEntry[]>(presenceKeys.all, (entries) => {
    if (!entries) return entries;
    const others = entries.filter((entry) => entry.tab !== notice.tab);
    if (notice.state === "left") return others;
    return [...others, { tab: notice.tab, chatId: notice.chatId, userId: notice.userId, state: notice.state }];
  });
}

/** Who else is on a chat, one entry per teammate (typing wins over viewing when they have several tabs). */
export function othersOn(entries: PresenceEntry[], chatId: number, me: string) {
  const byUser = new Map<string, PresenceEntry["state"]>();
  for (const entry of entries) {
    if (entry.chatId !== chatId || entry.userId === me) continue;
    if (byUser.get(entry.userId) !== "typing") byUser.set(entry.userId, entry.state);
  }
  return [...byUser].map(([userId, state]) => ({ userId, state }));
}
