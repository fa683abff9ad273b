/**
 * Waiting between attempts, for every retry loop of the app: provider calls (through cockatiel,
 * lib/sync/resilience.ts), sync cycles, outbox deliveries and the LISTEN connections.
 */

/** Waits `ms`, or less when `signal` aborts first (it resolves either way: callers check the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * The wait before retry number `attempt` (1 for the first): doubling from `initialMs` up to
 * `maxMs`, with "equal jitter" (half of it fixed, half random), so instances retrying the same
 * outage spread out instead of arriving together.
 */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  const step = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(0, attempt - 1), 30));
  return step / 2 + Math.random() * (step / 2);
}
