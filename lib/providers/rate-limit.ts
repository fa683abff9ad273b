/**
 * A sliding-window limiter: never more than `limit` requests in any `windowMs`, whatever
 * window the provider counts in. One limiter is shared by every caller using the same key
 * (a provider token), so sync, outbox and on-demand reads together stay under the limit.
 */
export type RateLimiter = {
  /** Resolves when a request may be sent (and counts it). */
  acquire: (signal?: AbortSignal) => Promise<void>;
  /** Holds every request until `until` (epoch ms): a provider lockout after a 429. */
  pauseUntil: (until: number) => void;
  /** Requests sent in the last window (for measurements). */
  inWindow: () => number;
};

export type RateLimitOptions = { limit: number; windowMs: number };

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error("aborted");
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createRateLimiter({ limit, windowMs }: RateLimitOptions): RateLimiter {
  const sent: number[] = [];
  let pausedUntil = 0;
  // Callers queue in order, so a burst cannot starve an earlier caller.
  let queue: Promise<void> = Promise.resolve();

  const prune = (now: number) => {
    while (sent.length > 0 && (sent[0] as number) <= now - windowMs) sent.shift();
  };

  const waitForSlot = async (signal?: AbortSignal) => {
    for (;;) {
      const now = Date.now();
      prune(now);
      const waitForPause = pausedUntil - now;
      const waitForWindow = sent.length >= limit ? (sent[0] as number) + windowMs - now : 0;
      const wait = Math.max(waitForPause, waitForWindow);
      if (wait <= 0) {
        sent.push(now);
        return;
      }
      await sleep(wait, signal);
    }
  };

  return {
    acquire(signal) {
      const turn = queue.then(() => waitForSlot(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    pauseUntil(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    inWindow() {
      prune(Date.now());
      return sent.length;
    },
  };
}

const shared = new Map<string, RateLimiter>();

/** The limiter for `key` (e.g. "smartsender:" + a hash of the token), created on first use. */
export function sharedRateLimiter(key: string, options: RateLimitOptions): RateLimiter {
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = createRateLimiter(options);
    shared.set(key, limiter);
  }
  return limiter;
}
