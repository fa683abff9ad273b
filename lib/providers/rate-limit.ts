import { processSingleton } from "@/lib/process-singleton";

/**
 * A sliding-window limiter shared by every caller using the same key (a provider token), so
 * sync, outbox and on-demand reads together stay under a provider's limit.
 *
 * Providers count a request when it arrives, which lies somewhere between when we send it and
 * when its answer comes back. So a request holds its place from the moment it leaves until one
 * window after its answer: whatever window the provider counts in, it never sees more than
 * `limit` of ours.
 */
export type RateLimiter = {
  /** Resolves when a request may be sent; call the returned `finished` once its answer (or failure) is in. */
  acquire: (signal?: AbortSignal) => Promise<() => void>;
  /** Holds every request until `until` (epoch ms): a provider lockout after a 429. */
  pauseUntil: (until: number) => void;
  /** Places taken right now: requests in flight plus those answered within the last window. */
  inWindow: () => number;
  /**
   * The provider says only `remaining` more requests fit its current window: for one window, no
   * more than that are sent. Only ever slows down: our own limit still applies.
   */
  capRemaining: (remaining: number) => void;
};

export type RateLimitOptions = { limit: number; windowMs: number };

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error("aborted");
}

export function createRateLimiter({ limit, windowMs }: RateLimitOptions): RateLimiter {
  let inFlight = 0;
  const finishedAt: number[] = [];
  let pausedUntil = 0;
  let cap: { limit: number; until: number } | null = null;
  const sleepers = new Set<() => void>();
  // Callers queue in order, so a burst cannot starve an earlier caller.
  let queue: Promise<void> = Promise.resolve();

  const prune = (now: number) => {
    while (finishedAt.length > 0 && (finishedAt[0] as number) <= now - windowMs) finishedAt.shift();
  };

  /** Sleeps `ms` (until a request finishes when Infinity). */
  const nap = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const timer = Number.isFinite(ms) ? setTimeout(wake, ms) : null;
      const onAbort = () => {
        sleepers.delete(wake);
        if (timer) clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      function wake() {
        sleepers.delete(wake);
        if (timer) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }
      sleepers.add(wake);
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  const waitForPlace = async (signal?: AbortSignal) => {
    for (;;) {
      const now = Date.now();
      prune(now);
      if (pausedUntil > now) {
        await nap(pausedUntil - now, signal);
        continue;
      }
      if (cap && cap.until <= now) cap = null;
      const allowed = cap ? Math.min(limit, cap.limit) : limit;
      if (inFlight + finishedAt.length < allowed) {
        inFlight += 1;
        return;
      }
      if (cap && inFlight + finishedAt.length < limit) {
        await nap(cap.until - now, signal);
        continue;
      }
      const oldest = finishedAt[0];
      await nap(oldest === undefined ? Number.POSITIVE_INFINITY : oldest + windowMs - now, signal);
    }
  };

  const finish = () => {
    inFlight = Math.max(0, inFlight - 1);
    finishedAt.push(Date.now());
    for (const wake of [...sleepers]) wake();
  };

  return {
    async acquire(signal) {
      const turn = queue.then(() => waitForPlace(signal));
      queue = turn.catch(() => undefined);
      await turn;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        finish();
      };
    },
    pauseUntil(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
    inWindow() {
      prune(Date.now());
      return inFlight + finishedAt.length;
    },
    capRemaining(remaining) {
      if (!Number.isFinite(remaining) || remaining < 0) return;
      const now = Date.now();
      prune(now);
      const capped = inFlight + finishedAt.length + Math.floor(remaining);
      if (cap && cap.until > now && cap.limit <= capped) return;
      cap = { limit: capped, until: now + windowMs };
    },
  };
}

/** Process-wide: the background sync and the requests of the web server must draw on one budget. */
const shared = processSingleton(
  "rate-limiters",
  () => new Map<string, { options: RateLimitOptions; limiter: RateLimiter }>(),
);

/**
 * The limiter for `key` (e.g. "smartsender:" + a hash of the token), created on first use. New
 * options for the same key (a changed setting) replace the limiter rather than being ignored.
 */
export function sharedRateLimiter(key: string, options: RateLimitOptions): RateLimiter {
  const existing = shared.get(key);
  if (existing && existing.options.limit === options.limit && existing.options.windowMs === options.windowMs) {
    return existing.limiter;
  }
  const limiter = createRateLimiter(options);
  shared.set(key, { options, limiter });
  return limiter;
}
