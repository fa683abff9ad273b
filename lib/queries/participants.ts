import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ParticipantView } from "@/lib/participants/list-participants";
import { apiDelete, apiGet } from "@/lib/queries/api";
import { chatKeys } from "@/lib/queries/keys";

export function useParticipants(chatId: number, enabled: boolean) {
  return useQuery({
    queryKey: chatKeys.participants(chatId),
    queryFn: ({ signal }) => apiGet<ParticipantView[]>(`/api/chats/${chatId}/participants`, signal),
    enabled,
  });
}

/** Removes a member: shown as gone at once, restored if the server refuses. */
export function useRemoveParticipant(chatId: number) {
  const queryClient = useQueryClient();
  const key = chatKeys.participants(chatId);
  return useMutation({
    mutationFn: (participant: ParticipantView) =>
      apiDelete<{ removed: boolean }>(`/api/chats/${chatId}/participants/${participant.id}`),
    onMutate: async (participant) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ParticipantView[]>(key);
      queryClient.setQueryData<ParticipantView[]>(key, (list) =>
        list?.map((member) => (member.id === participant.id ? { ...member, isActive: false } : member)),
      );
      return { previous };
    },
    onError: (_error, _participant, context) => queryClient.setQueryData(key, context?.previous),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
