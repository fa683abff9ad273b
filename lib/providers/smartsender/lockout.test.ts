/** SmartSender's lockout rule (docs/providers/smartsender.md) as the client tracks it. */
import { describe, expect, it } from "vitest";
import { createBreachCounter, SMARTSENDER_LOCKOUT } from "@/lib/providers/smartsender/lockout";

describe("createBreachCounter", () => {
  it("locks out for 60 s, adding 60 s per further breach, up to 720 s", () => {
    const counter = createBreachCounter(SMARTSENDER_LOCKOUT);
    let now = 1_000_000;
    const lockouts = Array.from({ length: 14 }, () => {
      const lockout = counter.breach(null, now);
      now += lockout;
      return lockout / 1000;
    });
    expect(lockouts).toEqual([60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720, 720, 720]);
    expect(counter.breaches()).toBe(14);
  });

  it("takes the server's Retry-After when it sends one, and still counts the breach", () => {
    const counter = createBreachCounter(SMARTSENDER_LOCKOUT);
    expect(counter.breach(5_000, 0)).toBe(5_000);
    expect(counter.breach(null, 10_000)).toBe(120_000);
  });

  it("forgets breaches only after a maximum lockout without one", () => {
    const counter = createBreachCounter({ lockoutMs: 100, maxLockoutMs: 1_000 });
    expect(counter.breach(null, 0)).toBe(100);
    expect(counter.breach(null, 900)).toBe(200);
    // Locked until 1100: 999 ms after that is still too soon to forget.
    expect(counter.breach(null, 2_099)).toBe(300);
    expect(counter.breach(null, 2_399 + 1_000)).toBe(100);
    expect(counter.breaches()).toBe(1);
  });
});
