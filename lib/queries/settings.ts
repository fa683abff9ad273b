import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { StaffSettings, UpdateSettingsRequest } from "@/lib/me/settings.types";
import { apiGet, apiPatch } from "@/lib/queries/api";
import { settingsKeys } from "@/lib/queries/keys";

export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.mine,
    queryFn: ({ signal }) => apiGet<StaffSettings>("/api/me", signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Saves the agent's preferences, shown at once and rolled back if the server refuses. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateSettingsRequest) => apiPatch<StaffSettings>("/api/me", changes),
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: settingsKeys.mine });
      const previous = queryClient.getQueryData<StaffSettings>(settingsKeys.mine);
      if (previous) queryClient.setQueryData<StaffSettings>(settingsKeys.mine, { ...previous, ...changes });
      return { previous };
    },
    onError: (_error, _changes, context) => queryClient.setQueryData(settingsKeys.mine, context?.previous),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.mine, saved),
  });
}
