import { useInfiniteQuery } from "@tanstack/react-query";
import type { AuditPage } from "@/lib/admin/audit/audit.types";
import { apiGet } from "@/lib/queries/api";
import { auditKeys } from "@/lib/queries/keys";

/** The audit log, newest first, a page at a time; `filters` are the API's query parameters. */
export function useAuditLog(filters: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
      if (pageParam) params.set("cursor", pageParam);
      return apiGet<AuditPage>(`/api/admin/audit?${params}`, signal);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}
