import type http from "node:http";
import type { Rng } from "@/sandbox/core/corpus";
import type { FakeResponse } from "@/sandbox/core/http";

/** The switchable faults every sandbox provider has, set by tests through `/__sandbox/faults`. */

export type FaultKind = "server_error" | "timeout" | "malformed" | "rate_limited";

export type FaultSettings = {
  /** Probability (0..1) that a provider request gets one of `kinds` instead of its answer. */
  rate: number;
  kinds: FaultKind[];
  /** Added to every provider answer. */
  latencyMs: number;
  /** When set, every provider request gets this status (e.g. 503 while "down", 401 for a revoked token). */
  forceStatus: number | null;
  /** How long a "timeout" fault holds the request before answering nothing useful. */
  hangMs: number;
};

export const NO_FAULTS: FaultSettings = {
  rate: 0,
  kinds: ["server_error", "timeout", "malformed", "rate_limited"],
  latencyMs: 0,
  forceStatus: null,
  hangMs: 30_000,
};

export type InjectedFault = FaultKind | `status_${number}`;

/** How a provider words the answers a fault stands in for. */
export type FaultAnswers = {
  /** The provider's own error body for a status (documented shape). */
  errorBody: (status: number, message: string) => FakeResponse;
  /** What the provider sends when it rate-limits (status 429 with its headers/body). */
  rateLimited?: () => FakeResponse;
  /** A body that parses as the content type but breaks the documented shape, or does not parse. */
  malformed?: () => FakeResponse;
};

const defaultMalformed = (): FakeResponse => ({
  status: 200,
  text: '{"truncated": [1, 2, ',
  contentType: "application/json; charset=utf-8",
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the request until `ms` pass or the client gives up. */
function hang(req: http.IncomingMessage, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    req.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Applies the latency, then picks what the switches impose instead of the real answer:
 * null when the request should be answered normally.
 */
export async function applyFaults(
  faults: FaultSettings,
  rng: Rng,
  answers: FaultAnswers,
  req: http.IncomingMessage,
): Promise<{ fault: InjectedFault; response: FakeResponse } | null> {
  if (faults.latencyMs > 0) await pause(faults.latencyMs);
  if (faults.forceStatus !== null) {
    const status = faults.forceStatus;
    const response =
      status === 429 && answers.rateLimited
        ? answers.rateLimited()
        : answers.errorBody(status, "Forced by the sandbox");
    return { fault: `status_${status}`, response };
  }
  if (faults.rate <= 0 || faults.kinds.length === 0 || rng() >= faults.rate) return null;
  const fault = faults.kinds[Math.floor(rng() * faults.kinds.length)];
  switch (fault) {
    case "timeout":
      await hang(req, faults.hangMs);
      return { fault, response: answers.errorBody(504, "Gateway timeout") };
    case "server_error":
      return { fault, response: answers.errorBody(rng() < 0.5 ? 500 : 503, "Injected server error") };
    case "malformed":
      return { fault, response: (answers.malformed ?? defaultMalformed)() };
    case "rate_limited":
      return { fault, response: answers.rateLimited?.() ?? answers.errorBody(429, "Too many requests") };
    default:
      return null;
  }
}
