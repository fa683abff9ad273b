import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ConnectionSummary } from "@/lib/connections/list-connections";
import { apiGet } from "@/lib/queries/api";
import { connectionKeys } from "@/lib/queries/keys";

export function useConnections() {
  return useQuery({
    queryKey: connectionKeys.all,
    queryFn: ({ signal }) => apiGet<ConnectionSummary[]>("/api/connections", signal),
  });
}

/** Connections by id, for the rows of the chat list (one request for all of them, not one per row). */
export function useConnectionsById(): Map<string, ConnectionSummary> {
  const { data } = useConnections();
  return useMemo(() => new Map((data ?? []).map((connection) => [connection.id, connection])), [data]);
}
