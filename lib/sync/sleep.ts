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

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so waits spread out. */
export function jitteredBackoff(attempt: number, initialMs: number, maxMs: number): number {
  const step = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return step / 2 + Math.random() * (step / 2);
}
