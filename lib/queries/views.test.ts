import { describe, expect, it } from "vitest";
import type { ViewCounts } from "@/lib/chats/view-counts";
import { initials, viewCount, waitingDuration } from "@/lib/queries/views";

const counts: ViewCounts = {
  byConnection: {
    a: { open: { mine: 2, unassigned: 5, all: 9 }, needsReply: { mine: 1, unassigned: 3, all: 4 } },
    b: { open: { mine: 1, unassigned: 0, all: 6 }, needsReply: { mine: 0, unassigned: 0, all: 2 } },
  },
  mentions: 7,
  undelivered: { b: 2, c: 1 },
};

describe("viewCount", () => {
  it("adds every connection up when none is chosen", () => {
    expect(viewCount(counts, "all", { connections: [], needsReply: false })).toBe(15);
    expect(viewCount(counts, "mine", { connections: [], needsReply: false })).toBe(3);
    expect(viewCount(counts, "unassigned", { connections: [], needsReply: false })).toBe(5);
  });

  it("counts only the chosen connections, and only waiting chats under Needs reply", () => {
    expect(viewCount(counts, "all", { connections: ["b"], needsReply: false })).toBe(6);
    expect(viewCount(counts, "all", { connections: ["a", "b"], needsReply: true })).toBe(6);
    expect(viewCount(counts, "unassigned", { connections: ["a"], needsReply: true })).toBe(3);
    expect(viewCount(counts, "mine", { connections: ["gone"], needsReply: false })).toBe(0);
  });

  it("counts chats with an undelivered message under the chosen connections, whatever Needs reply says", () => {
    expect(viewCount(counts, "undelivered", { connections: [], needsReply: true })).toBe(3);
    expect(viewCount(counts, "undelivered", { connections: ["a", "b"], needsReply: false })).toBe(2);
  });

  it("shows the unseen mentions whatever the filters", () => {
    expect(viewCount(counts, "mentions", { connections: ["b"], needsReply: true })).toBe(7);
  });
});

describe("initials", () => {
  it("takes the first letters of the first two names, or the email's", () => {
    expect(initials({ name: "Olena  Kovalenko Petrivna", email: "o@x.test" })).toBe("OK");
    expect(initials({ name: "борис", email: "b@x.test" })).toBe("Б");
    expect(initials({ name: " ", email: "zed@x.test" })).toBe("Z");
  });
});

describe("waitingDuration", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  it("uses minutes under an hour, hours under two days, then days", () => {
    expect(waitingDuration(ago(0.5), now)).toEqual({ value: 0, unit: "minute" });
    expect(waitingDuration(ago(59), now)).toEqual({ value: 59, unit: "minute" });
    expect(waitingDuration(ago(125), now)).toEqual({ value: 2, unit: "hour" });
    expect(waitingDuration(ago(47 * 60 + 59), now)).toEqual({ value: 47, unit: "hour" });
    expect(waitingDuration(ago(3 * 24 * 60 + 5), now)).toEqual({ value: 3, unit: "day" });
  });
  it("never goes negative when the clocks disagree", () => {
    expect(waitingDuration(new Date(now.getTime() + 90_000), now)).toEqual({ value: 0, unit: "minute" });
  });
});
