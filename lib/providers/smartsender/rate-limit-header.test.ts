import { describe, expect, it } from "vitest";
import { remainingFromRateLimitHeader } from "@/lib/providers/smartsender/client";

describe("SmartSender's X-Rate-Limit (format undocumented: read only what is unambiguous)", () => {
  it.each([
    ["173", 173],
    ["0", 0],
    ["180", 180],
    ["173/180", 173],
    ["180, 12", 12],
  ])("%s leaves %d requests", (value, remaining) => {
    expect(remainingFromRateLimitHeader(value)).toBe(remaining);
  });

  it.each([null, "", "lots", "-1", "1.5", "12/300", "1/2/3", "180 requests"])("%s says nothing", (value) => {
    expect(remainingFromRateLimitHeader(value)).toBeNull();
  });
});
