/**
 * SmartSender counts requests when they arrive (180 per minute per token,
 * ../shared/providers.md §1); a limiter that counts departures can be fooled: requests of a
 * burst that arrived late still count at SmartSender when the next burst, sent exactly one
 * window later, arrives early. So each request also holds a place in this window from the
 * moment it leaves until one window after its answer came back; its arrival lies in between,
 * so SmartSender never counts more than we do.
 */

export type RequestWindow = {
  /** Resolves when a request may leave; pair with exactly one `leave()` afterwards. */
  enter: (signal?: AbortSignal) => Promise<void>;
  leave: () => void;
};

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error("aborted");
}

export function createRequestWindow({ limit, windowMs }: { limit: number; windowMs: number }): RequestWindow {
  let inFlight = 0;
  const finished: number[] = [];
  const sleepers = new Set<() => void>();
  let queue: Promise<void> = Promise.resolve();

  /** Sleeps `ms` (forever when Infinity) or until a request finishes. */
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
      while (finished.length > 0 && (finished[0] as number) <= now - windowMs) finished.shift();
      if (inFlight + finished.length < limit) {
        inFlight += 1;
        return;
      }
      const oldest = finished[0];
      await nap(oldest === undefined ? Number.POSITIVE_INFINITY : oldest + windowMs - now, signal);
    }
  };

  return {
    enter(signal) {
      const turn = queue.then(() => waitForPlace(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    leave() {
      inFlight = Math.max(0, inFlight - 1);
      finished.push(Date.now());
      for (const wake of [...sleepers]) wake();
    },
  };
}

const shared = new Map<string, RequestWindow>();

/** The window of a token (same key as its shared rate limiter), created on first use. */
export function sharedRequestWindow(key: string, options: { limit: number; windowMs: number }): RequestWindow {
  let window = shared.get(key);
  if (!window) {
    window = createRequestWindow(options);
    shared.set(key, window);
  }
  return window;
}
