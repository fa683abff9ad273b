import { backoffDelay } from "@/lib/retry";

export type BackoffPolicy = {
  baseMs: number;
  maxMs: number;
  /**
   * The least wait after an attempt that may have arrived unseen: a provider that got the
   * request late may still be storing it, and the look-up before the next attempt must find it.
   */
  doubtMs: number;
};

/**
 * Waits grow 1 s, 2 s, 4 s … up to half a minute and then stay there, for as long as the
 * provider is down: a queued action is never given up, and a recovered provider gets it within
 * a retry interval (sooner when the sync reports the connection healthy again).
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000, doubtMs: 5_000 };

/**
 * The wait before attempt `attempts + 1` (lib/retry.ts's backoff); never shorter than the
 * provider's own Retry-After, nor than `doubtMs` after a send that may have arrived.
 */
export function retryDelayMs(
  policy: BackoffPolicy,
  { attempts, retryAfterMs, doubtful }: { attempts: number; retryAfterMs: number | null; doubtful: boolean },
): number {
  const jittered = backoffDelay(attempts, policy.baseMs, policy.maxMs);
  return Math.max(Math.round(jittered), retryAfterMs ?? 0, doubtful ? policy.doubtMs : 0);
}
