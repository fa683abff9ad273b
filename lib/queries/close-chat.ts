import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { apiPost } from "@/lib/queries/api";
import { patchCachedChat } from "@/lib/queries/chats";
import { chatKeys } from "@/lib/queries/keys";
import { refreshChatLists } from "@/lib/queries/refresh";

/**
 * Closes a chat: shown closed at once, rolled back if the server refuses; the provider hears
 * through the outbox. The outcome callbacks belong to the mutation, not to one call, because the
 * button that started it disappears as soon as the chat shows closed.
 */
export function useCloseChat(chatId: number, outcome: { onClosed: () => void; onFailed: (error: Error) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ status: "closed" }>(`/api/chats/${chatId}/close`),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: chatKeys.detail(chatId), exact: true });
      const previous = queryClient.getQueryData<ChatDetail>(chatKeys.detail(chatId));
      patchCachedChat(queryClient, chatId, { status: "closed" });
      return { previousStatus: previous?.status };
    },
    onError: (error, _variables, context) => {
      if (context?.previousStatus) patchCachedChat(queryClient, chatId, { status: context.previousStatus });
      outcome.onFailed(error);
    },
    onSuccess: () => outcome.onClosed(),
    onSettled: () => refreshChatLists(queryClient, [chatId]),
  });
}
