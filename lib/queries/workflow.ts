import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Assignment } from "@/lib/assignment/assign-chat";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { apiPost } from "@/lib/queries/api";
import { patchCachedChat } from "@/lib/queries/chats";
import { chatKeys, countKeys } from "@/lib/queries/keys";
import { refreshChatLists } from "@/lib/queries/refresh";
import type { ChatStatusState, SetStatusRequest } from "@/lib/workflow/set-status.types";

type Snapshot = Pick<ChatDetail, "assigneeId" | "inboxStatus" | "snoozedUntil">;

/** Shows a change on the chat at once and remembers what to roll back to. */
async function patchOptimistically(queryClient: QueryClient, chatId: number, changes: Partial<Snapshot>) {
  await queryClient.cancelQueries({ queryKey: chatKeys.detail(chatId), exact: true });
  const previous = queryClient.getQueryData<ChatDetail>(chatKeys.detail(chatId));
  patchCachedChat(queryClient, chatId, changes);
  return previous
    ? {
        previous: {
          assigneeId: previous.assigneeId,
          inboxStatus: previous.inboxStatus,
          snoozedUntil: previous.snoozedUntil,
        },
      }
    : {};
}

/** Lists move chats between views and the views' counts change: both are refreshed. */
function refreshAfterChange(queryClient: QueryClient, chatId: number) {
  return Promise.all([
    refreshChatLists(queryClient, [chatId]),
    queryClient.invalidateQueries({ queryKey: countKeys.all }),
  ]);
}

/** Gives the chat to a teammate, or to nobody (`null`): shown at once, rolled back if refused. */
export function useAssignChat(chatId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string | null) => apiPost<Assignment>(`/api/chats/${chatId}/assign`, { assigneeId }),
    onMutate: (assigneeId) => patchOptimistically(queryClient, chatId, { assigneeId }),
    onError: (_error, _assigneeId, context) => {
      if (context?.previous) patchCachedChat(queryClient, chatId, context.previous);
    },
    onSuccess: (saved) => patchCachedChat(queryClient, chatId, saved),
    onSettled: () => refreshAfterChange(queryClient, chatId),
  });
}

/** Open, pending until a snooze ends, or resolved: shown at once, rolled back if refused. */
export function useSetChatStatus(chatId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SetStatusRequest) => apiPost<ChatStatusState>(`/api/chats/${chatId}/status`, request),
    onMutate: (request) =>
      patchOptimistically(queryClient, chatId, {
        inboxStatus: request.status,
        ...(request.status === "pending" ? {} : { snoozedUntil: null }),
      }),
    onError: (_error, _request, context) => {
      if (context?.previous) patchCachedChat(queryClient, chatId, context.previous);
    },
    onSuccess: (saved) =>
      patchCachedChat(queryClient, chatId, { inboxStatus: saved.status, snoozedUntil: saved.snoozedUntil }),
    onSettled: () => refreshAfterChange(queryClient, chatId),
  });
}
