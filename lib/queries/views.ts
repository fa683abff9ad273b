import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { StaffMember } from "@/lib/assignment/staff";
import type { ChatView } from "@/lib/chats/list-chats.types";
import type { ViewCounts } from "@/lib/chats/view-counts";
import { apiGet, apiPost } from "@/lib/queries/api";
import type { ChatFilters } from "@/lib/queries/chat-filters";
import { chatKeys, countKeys, staffKeys } from "@/lib/queries/keys";

/** The views' counts; refreshed with the unread totals on every counts.changed (countKeys.all is their prefix). */
export function useViewCounts() {
  return useQuery({ queryKey: countKeys.views, queryFn: ({ signal }) => apiGet<ViewCounts>("/api/views", signal) });
}

/**
 * Opening a chat sees the caller's mentions in it: it leaves their Mentions view and count. Only
 * asked while the caller has unseen mentions at all, so opening chats writes nothing otherwise.
 */
export function useSeeMentions(chatId: number) {
  const queryClient = useQueryClient();
  const unseen = useViewCounts().data?.mentions ?? 0;
  useEffect(() => {
    if (unseen === 0) return;
    apiPost(`/api/chats/${chatId}/mentions/seen`)
      .then(() =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: countKeys.all }),
          queryClient.invalidateQueries({ queryKey: chatKeys.lists() }),
        ]),
      )
      .catch(() => {
        // Seen next time the chat is opened.
      });
  }, [chatId, unseen, queryClient]);
}

/** The teammates, for initials in the list and the pickers. */
export function useStaff() {
  return useQuery({
    queryKey: staffKeys.all,
    queryFn: ({ signal }) => apiGet<StaffMember[]>("/api/staff", signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * A view's count under the list's connection filter: open chats (or, with Needs reply on, the
 * waiting ones) summed over the chosen connections. Mentions counts the caller's unseen mentions;
 * Not delivered, the chosen connections' chats with a message that did not arrive.
 */
export function viewCount(
  counts: ViewCounts,
  view: ChatView,
  filters: Pick<ChatFilters, "connections" | "needsReply">,
): number {
  if (view === "mentions") return counts.mentions;
  if (view === "undelivered") {
    const withUndelivered = filters.connections.length > 0 ? filters.connections : Object.keys(counts.undelivered);
    return withUndelivered.reduce((total, id) => total + (counts.undelivered[id] ?? 0), 0);
  }
  const chosen = filters.connections.length > 0 ? filters.connections : Object.keys(counts.byConnection);
  let total = 0;
  for (const id of chosen) {
    const connection = counts.byConnection[id];
    if (connection) total += (filters.needsReply ? connection.needsReply : connection.open)[view];
  }
  return total;
}

/** "OK" for Olena Kovalenko, "O" for Olena, the email's first letter when there is no name. */
export function initials(member: Pick<StaffMember, "name" | "email">): string {
  const words = member.name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((word) => word[0]) : [member.email[0] ?? "?"];
  return letters.join("").toUpperCase();
}

/** How long a customer has waited, in the largest whole unit that fits (minutes, hours, days). */
export function waitingDuration(since: Date, now: Date): { value: number; unit: "minute" | "hour" | "day" } {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return { value: minutes, unit: "minute" };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { value: hours, unit: "hour" };
  return { value: Math.floor(hours / 24), unit: "day" };
}
