import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { apiPost } from "@/lib/queries/api";
import { patchCachedChat } from "@/lib/queries/chats";
import { adjustCachedCounts } from "@/lib/queries/counts";
import { chatKeys, countKeys } from "@/lib/queries/keys";
import { refreshChatLists } from "@/lib/queries/refresh";

type ReadStateChat = Pick<ChatDetail, "id" | "connectionId" | "unreadCount">;

/**
 * Mark as read / unread, optimistically: the badge, the lists and the totals change at once and
 * roll back if the server refuses; the server tells the provider through its outbox.
 */
function useReadStateMutation(state: "read" | "unread") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (chat: ReadStateChat) => apiPost<{ unreadCount: number }>(`/api/chats/${chat.id}/${state}`),
    onMutate: async (chat) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: chatKeys.lists() }),
        queryClient.cancelQueries({ queryKey: chatKeys.detail(chat.id), exact: true }),
        queryClient.cancelQueries({ queryKey: countKeys.all }),
      ]);
      const snapshot = {
        lists: queryClient.getQueriesData({ queryKey: chatKeys.lists() }),
        detail: queryClient.getQueryData(chatKeys.detail(chat.id)),
        counts: queryClient.getQueryData(countKeys.all),
      };
      const unreadCount = state === "read" ? 0 : Math.max(chat.unreadCount, 1);
      patchCachedChat(queryClient, chat.id, { unreadCount, markedUnread: state === "unread" });
      adjustCachedCounts(queryClient, chat.connectionId, chat.unreadCount, unreadCount);
      return snapshot;
    },
    onError: (_error, chat, snapshot) => {
      if (!snapshot) return;
      for (const [key, data] of snapshot.lists) queryClient.setQueryData(key, data);
      queryClient.setQueryData(chatKeys.detail(chat.id), snapshot.detail);
      queryClient.setQueryData(countKeys.all, snapshot.counts);
    },
    onSuccess: ({ unreadCount }, chat) => patchCachedChat(queryClient, chat.id, { unreadCount }),
    onSettled: (_result, _error, chat) =>
      Promise.all([
        refreshChatLists(queryClient, [chat.id]),
        queryClient.invalidateQueries({ queryKey: chatKeys.detail(chat.id), exact: true, refetchType: "none" }),
        queryClient.invalidateQueries({ queryKey: countKeys.all }),
      ]),
  });
}

export const useMarkRead = () => useReadStateMutation("read");
export const useMarkUnread = () => useReadStateMutation("unread");
