import { describe, expect, it } from "vitest";
import { createRateLimiter, sharedRateLimiter } from "@/lib/providers/rate-limit";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limiter", () => {
  it("never lets more than `limit` requests hold a place within one window", async () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 300 });
    const started: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const finished = await limiter.acquire();
        started.push(Date.now() - t0);
        await sleep(20);
        finished();
      }),
    );
    started.sort((a, b) => a - b);
    // Any window of 300 ms after a request's answer holds at most 5 departures.
    for (let index = 5; index < started.length; index += 1) {
      expect((started[index] as number) - (started[index - 5] as number)).toBeGreaterThanOrEqual(300);
    }
  });

  it("keeps a slow request's place until a window after its answer, not after its departure", async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 100 });
    const first = await limiter.acquire();
    await sleep(150);
    first();
    const t0 = Date.now();
    (await limiter.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
  });

  it("sends no more than the provider says are left in its window, then goes on after that window", async () => {
    const limiter = createRateLimiter({ limit: 100, windowMs: 200 });
    (await limiter.acquire())();
    limiter.capRemaining(2);
    const t0 = Date.now();
    (await limiter.acquire())();
    (await limiter.acquire())();
    expect(Date.now() - t0).toBeLessThan(50);
    (await limiter.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it("never goes faster than its own limit whatever the provider says is left", async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 150 });
    (await limiter.acquire())();
    limiter.capRemaining(1000);
    const t0 = Date.now();
    (await limiter.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("holds everything during a provider lockout", async () => {
    const limiter = createRateLimiter({ limit: 100, windowMs: 1000 });
    limiter.pauseUntil(Date.now() + 150);
    const t0 = Date.now();
    (await limiter.acquire())();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it("gives up waiting when the caller aborts", async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000 });
    (await limiter.acquire())();
    await expect(limiter.acquire(AbortSignal.timeout(50))).rejects.toThrow();
  });

  it("is shared per key, and replaced when a connection's limit changes", () => {
    const a = sharedRateLimiter("test:key", { limit: 10, windowMs: 1000 });
    expect(sharedRateLimiter("test:key", { limit: 10, windowMs: 1000 })).toBe(a);
    expect(sharedRateLimiter("test:key", { limit: 20, windowMs: 1000 })).not.toBe(a);
  });
});
