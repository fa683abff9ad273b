import { describe, expect, it } from "vitest";
import { problemOf } from "@/lib/alerts/plain-error";

describe("an outage's provider error in plain words", () => {
  it.each([
    ["Telegram bridge answered 401: Unauthorized", "refused"],
    ["MAX answered 403: forbidden", "refused"],
    ["SmartSender answered 429: Too Many Requests", "rate_limited"],
    ["MAX answered 503: Service Unavailable", "provider_error"],
    ["MAX did not answer within 10000 ms", "timeout"],
    ["MAX could not be reached: connect ECONNREFUSED 127.0.0.1:9", "unreachable"],
    ["The item failed its schema", "other"],
    [null, "other"],
  ] as const)("%s → %s", (error, problem) => {
    expect(problemOf(error)).toBe(problem);
  });
});
