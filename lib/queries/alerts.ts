import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OutageAlert } from "@/lib/alerts/alerts.types";
import type {
  AlertWebhookView,
  SavedAlertWebhook,
  TSaveAlertWebhookRequest,
} from "@/lib/alerts/webhook-settings.types";
import { apiDelete, apiGet, apiPatch } from "@/lib/queries/api";
import { connectionKeys } from "@/lib/queries/keys";

/**
 * Under the connections' key: an alert opening or closing is announced as `connection.changed`,
 * which the live updates turn into a refetch of everything below `connectionKeys.all`.
 */
export const alertKeys = {
  all: [...connectionKeys.all, "alerts"] as const,
  webhook: (connectionId: string) => [...connectionKeys.all, "alert-webhook", connectionId] as const,
};

export function useOutageAlerts() {
  return useQuery({
    queryKey: alertKeys.all,
    queryFn: ({ signal }) => apiGet<OutageAlert[]>("/api/alerts", signal),
    // Pages without the live updates (admin, reports) still hear of an outage within a minute.
    refetchInterval: 60_000,
  });
}

export function useAlertWebhook(connectionId: string) {
  return useQuery({
    queryKey: alertKeys.webhook(connectionId),
    queryFn: ({ signal }) => apiGet<AlertWebhookView>(`/api/connections/${connectionId}/webhook`, signal),
    // Deliveries are retried in the background while the page is open.
    refetchInterval: 10_000,
  });
}

export function useSaveAlertWebhook(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TSaveAlertWebhookRequest) =>
      apiPatch<SavedAlertWebhook>(`/api/connections/${connectionId}/webhook`, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.webhook(connectionId) }),
  });
}

export function useRemoveAlertWebhook(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiDelete<{ removed: boolean }>(`/api/connections/${connectionId}/webhook`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.webhook(connectionId) }),
  });
}
