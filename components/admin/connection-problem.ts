import type { ConnectionProblem } from "@/lib/admin/connections/connections.types";
import { isApiError } from "@/lib/queries/api";

type Translate = (key: string, values?: Record<string, string>) => string;

const KEYS: Record<ConnectionProblem, string> = {
  refused: "problemRefused",
  unreachable: "problemUnreachable",
  tls: "problemTls",
  wrong_url: "problemWrongUrl",
  provider_error: "problemProviderError",
  rate_limited: "problemRateLimited",
  invalid: "problemInvalid",
};

/** A failed test in the admin's language (the server's English message fills in "invalid"). */
export function problemText(problem: ConnectionProblem, message: string, t: Translate): string {
  return t(KEYS[problem], { message });
}

/** The problem a refused save names, if it was a failed test. */
export function failedTest(error: unknown): { problem: ConnectionProblem; message: string } | null {
  if (!isApiError(error)) return null;
  const details = error.details as { reason?: string; problem?: ConnectionProblem } | undefined;
  return details?.reason === "test_failed" && details.problem
    ? { problem: details.problem, message: error.message }
    : null;
}
