import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/queries/api";
import type { TeamReport } from "@/lib/reports/report.types";

/** The report's query string (also the CSV links'): empty values left out. */
export function reportParams(filters: Record<string, string>): URLSearchParams {
  return new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
}

/** The team report for a period and filters; the previous figures stay while the next load. */
export function useReport(filters: Record<string, string>) {
  return useQuery({
    queryKey: ["reports", filters],
    queryFn: ({ signal }) => apiGet<TeamReport>(`/api/reports?${reportParams(filters)}`, signal),
    placeholderData: keepPreviousData,
  });
}
