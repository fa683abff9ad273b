import { processSingleton } from "@/lib/process-singleton";

/**
 * SmartSender's penalty for breaking its rate limit (docs/providers/smartsender.md): the first
 * breach locks the client out for 60 s and each further breach adds 60 s, up to 720 s.
 * SmartSender does not say when it forgets earlier breaches, so we only forget them after a
 * full maximum lockout without one: guessing too short would send a request into a lockout,
 * which is itself a further breach.
 */

export type LockoutPolicy = { lockoutMs: number; maxLockoutMs: number };

export const SMARTSENDER_LOCKOUT: LockoutPolicy = { lockoutMs: 60_000, maxLockoutMs: 720_000 };

export type BreachCounter = {
  /** Records a 429 and returns how long the lockout lasts; `retryAfterMs` from the server wins when present. */
  breach: (retryAfterMs: number | null, now?: number) => number;
  breaches: () => number;
};

export function createBreachCounter(policy: LockoutPolicy): BreachCounter {
  let count = 0;
  let lockedUntil = 0;
  return {
    breach(retryAfterMs, now = Date.now()) {
      if (count > 0 && now - lockedUntil >= policy.maxLockoutMs) count = 0;
      count += 1;
      const lockout = retryAfterMs ?? Math.min(policy.lockoutMs * count, policy.maxLockoutMs);
      lockedUntil = Math.max(lockedUntil, now + lockout);
      return lockout;
    },
    breaches: () => count,
  };
}

const shared = processSingleton("smartsender-breach-counters", () => new Map<string, BreachCounter>());

/** One counter per token, like the shared rate limiter: every client of a token is locked out together. */
export function sharedBreachCounter(key: string, policy: LockoutPolicy): BreachCounter {
  let counter = shared.get(key);
  if (!counter) {
    counter = createBreachCounter(policy);
    shared.set(key, counter);
  }
  return counter;
}
