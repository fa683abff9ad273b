/** The arrival-safe request window of the SmartSender client. */
import { describe, expect, it } from "vitest";
import { createRequestWindow } from "@/lib/providers/smartsender/request-window";

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function track(promise: Promise<void>) {
  const state = { done: false, at: 0, error: null as unknown };
  promise.then(
    () => Object.assign(state, { done: true, at: Date.now() }),
    (error: unknown) => Object.assign(state, { done: true, at: Date.now(), error }),
  );
  return state;
}

describe("createRequestWindow", () => {
  it("counts a request from departure until one window after its answer", async () => {
    const window = createRequestWindow({ limit: 2, windowMs: 200 });
    await window.enter();
    await window.enter();
    const third = track(window.enter());
    // Both requests are still out: however long that takes, no third one leaves.
    await settle(300);
    expect(third.done).toBe(false);
    window.leave();
    const answeredAt = Date.now();
    await settle(100);
    expect(third.done).toBe(false);
    await settle(200);
    expect(third.done).toBe(true);
    expect(third.at - answeredAt).toBeGreaterThanOrEqual(195);
  });

  it("stops waiting when the caller aborts", async () => {
    const window = createRequestWindow({ limit: 1, windowMs: 50 });
    await window.enter();
    const controller = new AbortController();
    const waiting = track(window.enter(controller.signal));
    controller.abort(new Error("cancelled"));
    await settle(10);
    expect(waiting.done).toBe(true);
    expect(String(waiting.error)).toContain("cancelled");
    // The aborted caller took no place: one window after the first answer, the next may go.
    window.leave();
    const next = track(window.enter());
    await settle(20);
    expect(next.done).toBe(false);
    await settle(80);
    expect(next.done).toBe(true);
  });
});
