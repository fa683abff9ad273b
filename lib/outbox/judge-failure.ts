import { AppError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/errors";

export type Verdict =
  | {
      decision: "retry";
      /** The provider's own wait (429 Retry-After), if it named one. */
      retryAfterMs: number | null;
      /** The request may have been applied although we saw no answer (a send must be checked before it is repeated). */
      mayHaveArrived: boolean;
      reason: string;
    }
  | { decision: "fail"; reason: string };

/** Socket errors raised before a request could leave: the provider certainly did not get it. */
const NEVER_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const MAX_REASON_LENGTH = 300;

function short(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

function neverConnected(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code && NEVER_CONNECTED.has(code)) return true;
    cause = cause.cause;
  }
  return false;
}

/**
 * What to do after a failed delivery attempt. Provider failures worth repeating (5xx, timeout,
 * network, malformed body, 429) are retried for as long as it takes; refusals (400/401/403/404,
 * invalid input, a capability the provider lacks) fail at once with the provider's words.
 *
 * Whether a failed send may still have arrived: an HTTP error status means the provider refused
 * or failed it (not applied); a timeout, a dropped connection or an unreadable success may
 * hide a message that did go out. Anything unexpected counts as "may have arrived" too.
 */
export function judgeFailure(error: unknown): Verdict {
  if (error instanceof ProviderError) {
    if (!error.retryable) return { decision: "fail", reason: short(error.message) };
    const mayHaveArrived =
      error.kind === "timeout" || error.kind === "malformed" || (error.kind === "network" && !neverConnected(error));
    return { decision: "retry", retryAfterMs: error.retryAfterMs, mayHaveArrived, reason: short(error.message) };
  }
  if (error instanceof AppError) return { decision: "fail", reason: short(error.message) };
  const reason = error instanceof Error ? error.message : String(error);
  return { decision: "retry", retryAfterMs: null, mayHaveArrived: true, reason: short(reason) };
}
