import { useQuery } from "@tanstack/react-query";
import { apiGet, isApiError } from "@/lib/queries/api";
import { chatKeys } from "@/lib/queries/keys";

/**
 * The chat's invitation link, asked for once when the chat opens (the server keeps it), so the
 * copy happens in the click itself, as browsers require. `link: null`: this chat has none.
 */
export function useInvitationLink(chatId: number, enabled: boolean) {
  return useQuery({
    queryKey: chatKeys.invitation(chatId),
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<{ link: string }>(`/api/chats/${chatId}/invitation`, signal);
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
