import { useQuery } from "@tanstack/react-query";
import { apiPost, isApiError } from "@/lib/queries/api";
import { chatKeys } from "@/lib/queries/keys";

/**
 * The chat's invitation link, asked for once when the chat opens (the server keeps it), so the
 * copy happens in the click itself, as browsers require. `link: null`: this chat has none.
 * A POST, because the server may ask the provider for a new link and store it.
 */
export function useInvitationLink(chatId: number, enabled: boolean) {
  return useQuery({
    queryKey: chatKeys.invitation(chatId),
    queryFn: async () => {
      try {
        return await apiPost<{ link: string }>(`/api/chats/${chatId}/invitation`);
      } catch (error) {
        if (isApiError(error, 404) || isApiError(error, 422)) return { link: null };
        throw error;
      }
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
