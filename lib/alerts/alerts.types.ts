/** What went wrong, in words an admin reads without knowing HTTP (the raw error is shown beside it). */
export type OutageProblem = "refused" | "rate_limited" | "provider_error" | "timeout" | "unreachable" | "other";

/** An outage alert as the banner and the chat list's notice show it (GET /api/alerts). */
export type OutageAlert = {
  id: string;
  connectionId: string;
  connectionName: string;
  provider: string;
  /** "down", or "degraded" past the threshold. */
  cause: "down" | "degraded";
  problem: OutageProblem;
  /** The provider's last error, one line. */
  error: string | null;
  /** When the trouble began (ISO 8601). */
  since: string;
  /** Set once the connection recovered. */
  closedAt: string | null;
  durationSeconds: number | null;
};

/** How long a recovered alert stays listed ("back after 12 min") before it goes. */
export const RECOVERED_SHOWN_MS = 15 * 60_000;
