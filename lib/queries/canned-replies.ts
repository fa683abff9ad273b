import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CannedReply, CreateReplyRequest, UpdateReplyRequest } from "@/lib/canned-replies/canned-replies.types";
import { apiDelete, apiGet, apiPatch, apiPost } from "@/lib/queries/api";
import { cannedReplyKeys } from "@/lib/queries/keys";

/** The team's saved replies and the agent's own, for the composer's picker and the management page. */
export function useCannedReplies() {
  return useQuery({
    queryKey: cannedReplyKeys.all,
    queryFn: ({ signal }) => apiGet<CannedReply[]>("/api/canned-replies", signal),
    staleTime: 60_000,
  });
}

function useRefreshReplies() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cannedReplyKeys.all });
}

export function useCreateReply() {
  const refresh = useRefreshReplies();
  return useMutation({
    mutationFn: (request: CreateReplyRequest) => apiPost<CannedReply>("/api/canned-replies", request),
    onSuccess: refresh,
  });
}

export function useUpdateReply() {
  const refresh = useRefreshReplies();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UpdateReplyRequest }) =>
      apiPatch<CannedReply>(`/api/canned-replies/${id}`, changes),
    onSuccess: refresh,
  });
}

export function useDeleteReply() {
  const refresh = useRefreshReplies();
  return useMutation({
    mutationFn: (id: number) => apiDelete<{ deleted: true }>(`/api/canned-replies/${id}`),
    onSuccess: refresh,
  });
}
