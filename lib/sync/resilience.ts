import {
  type CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  type IRetryBackoffContext,
  retry,
  wrap,
} from "cockatiel";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import { backoffDelay } from "@/lib/retry";
import type { SyncTuning } from "@/lib/sync/tuning";

/** What the connection's health follows. */
export type ResilienceEvents = {
  /** A call failed and will be tried again. */
  onRetry: (error: unknown) => void;
  /** Too many failures in a row: calls stop until a trial call is let through. */
  onBreak: (error: unknown) => void;
  /** The trial call is going out. */
  onHalfOpen: () => void;
};

/** A failure worth trying again: the provider was slow, overloaded, briefly broken or rate-limiting. */
export const isTransient = (error: unknown): boolean => isProviderError(error) && error.retryable;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The sync was stopped", "AbortError");
}

/** `work`, or the stop: a stop never waits for a retry's back-off to end. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) onAbort();
    // Always handled, also when the stop came first: its later failure must not go unhandled.
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** For calls nobody's health follows (an agent's own request). */
export const UNWATCHED: ResilienceEvents = { onRetry: () => {}, onBreak: () => {}, onHalfOpen: () => {} };

export type ProviderCalls = {
  /** Runs one provider call with retries (backoff with jitter, Retry-After honoured) behind the breaker. */
  call: <T>(run: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) => Promise<T>;
  breakerState: () => CircuitState;
  dispose: () => void;
};

/**
 * Cockatiel policies of one connection: each call is retried while it fails transiently, and
 * every attempt passes a circuit breaker shared by all calls of the connection, so a provider
 * that is down is left alone instead of being hammered. Auth and request errors are not
 * retried (the same request would fail the same way) and do not count against the provider.
 */
export function createProviderCalls(tuning: SyncTuning, events: ResilienceEvents): ProviderCalls {
  const transient = handleWhen(isTransient);
  const breaker = circuitBreaker(transient, {
    breaker: new ConsecutiveBreaker(tuning.breakerThreshold),
    halfOpenAfter: new ExponentialBackoff({
      initialDelay: tuning.breakerHalfOpenAfterMs,
      maxDelay: tuning.breakerMaxHalfOpenAfterMs,
    }),
  });
  const backoff = new DelegateBackoff((context: IRetryBackoffContext<unknown>) => {
    const delay = backoffDelay(context.attempt, tuning.retryInitialDelayMs, tuning.retryMaxDelayMs);
    const error = "error" in context.result ? context.result.error : null;
    const asked = error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0;
    return Math.max(delay, asked);
  });
  const retries = retry(transient, { maxAttempts: tuning.retryAttempts - 1, backoff }).dangerouslyUnref();
  const policy = wrap(retries, breaker);
  const subscriptions = [
    retries.onRetry((reason) => events.onRetry("error" in reason ? reason.error : reason)),
    breaker.onBreak((reason) => events.onBreak("error" in reason ? reason.error : reason)),
    breaker.onHalfOpen(() => events.onHalfOpen()),
  ];
  return {
    call: (run, signal) =>
      raceAbort(
        policy.execute(({ signal: attemptSignal }) => {
          attemptSignal.throwIfAborted();
          return run(attemptSignal);
        }, signal),
        signal,
      ),
    breakerState: () => breaker.state,
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
