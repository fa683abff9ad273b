import type { SyncTuning } from "@/lib/sync/tuning";

/** The sync's waits shrunk for tests: same behaviour, milliseconds instead of seconds. */
export const FAST_TUNING: Partial<SyncTuning> = {
  claimIntervalMs: 200,
  longPollSeconds: 5,
  retryAttempts: 8,
  retryInitialDelayMs: 50,
  retryMaxDelayMs: 500,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 300,
  breakerMaxHalfOpenAfterMs: 2_000,
  failurePauseMs: 100,
  failureMaxPauseMs: 1_000,
  authPauseMs: 2_000,
  authMaxPauseMs: 10_000,
};
