import { BrokenCircuitError } from "cockatiel";
import { describe, expect, it } from "vitest";
import { ProviderError } from "@/lib/providers/errors";
import { createProviderCalls } from "@/lib/sync/resilience";
import { DEFAULT_TUNING, type SyncTuning } from "@/lib/sync/tuning";

const tuning: SyncTuning = {
  ...DEFAULT_TUNING,
  retryAttempts: 4,
  retryInitialDelayMs: 20,
  retryMaxDelayMs: 100,
  breakerThreshold: 3,
  breakerHalfOpenAfterMs: 200,
  breakerMaxHalfOpenAfterMs: 200,
};

function recorder() {
  const seen: string[] = [];
  const events = {
    onRetry: (error: unknown) => seen.push(`retry:${(error as ProviderError).kind}`),
    onBreak: () => seen.push("break"),
    onHalfOpen: () => seen.push("half-open"),
  };
  return { seen, events };
}

/** A provider call that fails with `failures` in turn, then answers "ok". */
function flaky(failures: ProviderError[]) {
  let calls = 0;
  return {
    run: async () => {
      const failure = failures[calls];
      calls += 1;
      if (failure) throw failure;
      return "ok";
    },
    calls: () => calls,
  };
}

const never = new AbortController().signal;

describe("provider calls", () => {
  it("retries transient failures with growing waits, and honours the provider's Retry-After", async () => {
    const { seen, events } = recorder();
    const calls = createProviderCalls(tuning, events);
    const call = flaky([
      new ProviderError("server", "503"),
      new ProviderError("rate_limited", "429", { retryAfterMs: 400 }),
    ]);
    const startedAt = Date.now();
    await expect(calls.call(call.run, never)).resolves.toBe("ok");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(400);
    expect(call.calls()).toBe(3);
    expect(seen).toEqual(["retry:server", "retry:rate_limited"]);
  });

  it("does not retry what would fail the same way again (refused credentials, bad requests)", async () => {
    const calls = createProviderCalls(tuning, recorder().events);
    const call = flaky([new ProviderError("unauthorized", "401")]);
    await expect(calls.call(call.run, never)).rejects.toMatchObject({ kind: "unauthorized" });
    expect(call.calls()).toBe(1);
  });

  it("opens the breaker after consecutive failures, refuses calls while open, and tries again later", async () => {
    const { seen, events } = recorder();
    const calls = createProviderCalls({ ...tuning, retryAttempts: 1 }, events);
    const down = flaky(Array.from({ length: 3 }, () => new ProviderError("server", "503")));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(calls.call(down.run, never)).rejects.toMatchObject({ kind: "server" });
    }
    await expect(calls.call(down.run, never)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(down.calls()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await expect(calls.call(down.run, never)).resolves.toBe("ok");
    expect(seen).toEqual(["break", "half-open"]);
  });

  it("gives up at once when stopped, even in the middle of a back-off", async () => {
    const calls = createProviderCalls(
      { ...tuning, retryInitialDelayMs: 5_000, retryMaxDelayMs: 5_000 },
      recorder().events,
    );
    const stop = new AbortController();
    const call = flaky([new ProviderError("timeout", "slow"), new ProviderError("timeout", "slow")]);
    const pending = calls.call(call.run, stop.signal);
    setTimeout(() => stop.abort(), 50);
    const startedAt = Date.now();
    await expect(pending).rejects.toBeDefined();
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });
});
