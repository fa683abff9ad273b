import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdminConnection,
  ConnectionTestResult,
  CreateConnectionRequest,
  UpdateConnectionRequest,
} from "@/lib/admin/connections/connections.types";
import { apiDelete, apiGet, apiPatch, apiPost } from "@/lib/queries/api";
import { adminConnectionKeys, connectionKeys } from "@/lib/queries/keys";

type Saved = { connection: AdminConnection; test: ConnectionTestResult | null };

export function useAdminConnections() {
  return useQuery({
    queryKey: adminConnectionKeys.all,
    queryFn: ({ signal }) => apiGet<AdminConnection[]>("/api/admin/connections", signal),
    // Health and last sync move while the page is open.
    refetchInterval: 5_000,
  });
}

/** Every change also refreshes the inbox's own list of connections (filters, capabilities). */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminConnectionKeys.all }),
      queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
    ]);
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (input: { id?: string; values?: CreateConnectionRequest }) =>
      input.id
        ? apiPost<ConnectionTestResult>(`/api/admin/connections/${input.id}/test`)
        : apiPost<ConnectionTestResult>("/api/admin/connections/test", input.values),
  });
}

export function useCreateConnection() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (values: CreateConnectionRequest) => apiPost<Saved>("/api/admin/connections", values),
    onSettled: refresh,
  });
}

export function useUpdateConnection() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateConnectionRequest }) =>
      apiPatch<Saved>(`/api/admin/connections/${id}`, change),
    onSettled: refresh,
  });
}

export function useDeleteConnection() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, withChats }: { id: string; withChats: boolean }) =>
      apiDelete<{ ok: true }>(`/api/admin/connections/${id}${withChats ? "?chats=delete" : ""}`),
    onSettled: refresh,
  });
}
