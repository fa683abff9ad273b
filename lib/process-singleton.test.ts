import { describe, expect, it, vi } from "vitest";

/** A fresh copy of a module, as Next's route and page bundles and the custom server each hold one. */
async function freshCopy<Module>(load: () => Promise<Module>): Promise<Module> {
  vi.resetModules();
  return load();
}

describe("process-wide singletons", () => {
  it("gives every copy of a module the same value", async () => {
    const first = await freshCopy(() => import("@/lib/process-singleton"));
    const second = await freshCopy(() => import("@/lib/process-singleton"));
    expect(second).not.toBe(first);
    const value = first.processSingleton("test:shared", () => ({ created: 1 }));
    expect(second.processSingleton("test:shared", () => ({ created: 2 }))).toBe(value);
    expect(second.dropProcessSingleton("test:shared")).toBe(value);
    expect(first.existingProcessSingleton("test:shared")).toBeUndefined();
  });

  it("makes a provider token's rate limiter one budget for the background work and the web server", async () => {
    const background = await freshCopy(() => import("@/lib/providers/rate-limit"));
    const routes = await freshCopy(() => import("@/lib/providers/rate-limit"));
    expect(routes.sharedRateLimiter).not.toBe(background.sharedRateLimiter);
    const options = { limit: 1, windowMs: 60_000 };
    const limiter = background.sharedRateLimiter("test:token", options);
    expect(routes.sharedRateLimiter("test:token", options)).toBe(limiter);
    (await limiter.acquire())();
    expect(routes.sharedRateLimiter("test:token", options).inWindow()).toBe(1);
  });

  it("keeps one SmartSender lockout per token across copies", async () => {
    const first = await freshCopy(() => import("@/lib/providers/smartsender/lockout"));
    const second = await freshCopy(() => import("@/lib/providers/smartsender/lockout"));
    first.sharedBreachCounter("test:token", first.SMARTSENDER_LOCKOUT).breach(null);
    expect(second.sharedBreachCounter("test:token", second.SMARTSENDER_LOCKOUT).breaches()).toBe(1);
  });
});
