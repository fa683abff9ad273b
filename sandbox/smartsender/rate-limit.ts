/**
 * The sandbox SmartSender's rate limit, as docs/providers/smartsender.md documents it: 180
 * requests per minute per token (a sliding window here); a breach locks the token out for
 * 60 s, each further breach adds 60 s, up to 720 s. A request during a lockout is itself a
 * further breach, so a client that keeps knocking only locks itself out longer.
 * Breaches are forgotten after a maximum lockout's worth of calm (SmartSender does not say when).
 */

export type FakeRateLimitSettings = {
  perMinute: number;
  windowMs: number;
  lockoutMs: number;
  maxLockoutMs: number;
  /** SmartSender documents no Retry-After; tests turn it on to check a client honours one. */
  sendRetryAfter: boolean;
};

export const DOCUMENTED_RATE_LIMIT: FakeRateLimitSettings = {
  perMinute: 180,
  windowMs: 60_000,
  lockoutMs: 60_000,
  maxLockoutMs: 720_000,
  sendRetryAfter: false,
};

type Admission = { allowed: true } | { allowed: false; lockoutMs: number };

export type RateStats = {
  perMinute: number;
  windowMs: number;
  startedAt: number;
  /** Requests answered (and refused with 429) in each minute since the fake started. */
  minutes: Array<{ minute: number; answered: number; rateLimited: number }>;
  /** The most requests answered within any one window: never above `perMinute`. */
  maxAnsweredInWindow: number;
};

type TokenState = { served: number[]; breaches: number; lockedUntil: number };

export function createFakeRateLimit(settings: FakeRateLimitSettings) {
  const tokens = new Map<string, TokenState>();
  const startedAt = Date.now();
  const answered: number[] = [];
  const limited: number[] = [];

  const stateOf = (token: string): TokenState => {
    let state = tokens.get(token);
    if (!state) {
      state = { served: [], breaches: 0, lockedUntil: 0 };
      tokens.set(token, state);
    }
    return state;
  };

  function admit(token: string, now = Date.now()): Admission {
    const state = stateOf(token);
    if (state.breaches > 0 && now >= state.lockedUntil + settings.maxLockoutMs) state.breaches = 0;
    while (state.served.length > 0 && (state.served[0] as number) <= now - settings.windowMs) state.served.shift();
    if (now < state.lockedUntil || state.served.length >= settings.perMinute) {
      state.breaches += 1;
      const lockoutMs = Math.min(settings.lockoutMs * state.breaches, settings.maxLockoutMs);
      state.lockedUntil = now + lockoutMs;
      limited.push(now);
      return { allowed: false, lockoutMs };
    }
    state.served.push(now);
    answered.push(now);
    return { allowed: true };
  }

  function maxAnsweredInWindow(): number {
    let max = 0;
    let start = 0;
    answered.forEach((time, end) => {
      while ((answered[start] as number) <= time - settings.windowMs) start += 1;
      max = Math.max(max, end - start + 1);
    });
    return max;
  }

  function stats(): RateStats {
    const minutes = new Map<number, { minute: number; answered: number; rateLimited: number }>();
    const bucket = (time: number) => {
      const minute = Math.floor((time - startedAt) / 60_000);
      let entry = minutes.get(minute);
      if (!entry) {
        entry = { minute, answered: 0, rateLimited: 0 };
        minutes.set(minute, entry);
      }
      return entry;
    };
    for (const time of answered) bucket(time).answered += 1;
    for (const time of limited) bucket(time).rateLimited += 1;
    return {
      perMinute: settings.perMinute,
      windowMs: settings.windowMs,
      startedAt,
      minutes: [...minutes.values()].sort((a, b) => a.minute - b.minute),
      maxAnsweredInWindow: maxAnsweredInWindow(),
    };
  }

  return { admit, stats, settings };
}
