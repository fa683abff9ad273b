import type { OutageProblem } from "@/lib/alerts/alerts.types";

/**
 * Sorts a stored provider error (lib/providers/http.ts words them "<Provider> answered 401: …",
 * "<Provider> could not be reached: …") into a problem the banner can say in plain words.
 */
export function problemOf(error: string | null): OutageProblem {
  if (!error) return "other";
  if (/\banswered 40[13]\b|unauthori[sz]ed|forbidden|\btoken\b/i.test(error)) return "refused";
  if (/\banswered 429\b|rate.?limit|too many requests/i.test(error)) return "rate_limited";
  if (/timed? ?out|timeout|did not answer/i.test(error)) return "timeout";
  if (/could not be reached|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|fetch failed|network/i.test(error)) {
    return "unreachable";
  }
  if (/\banswered 5\d\d\b|\b5\d\d\b/.test(error)) return "provider_error";
  return "other";
}
