import { describe, expect, it } from "vitest";
import { isProviderError } from "@/lib/providers/errors";
import { decodeCursor, encodeCursor, type PagedMessage, pageAfter } from "@/lib/providers/max/message-cursor";

const message = (key: string, timestamp: number): PagedMessage => ({ key, timestamp });

describe("MAX message paging", () => {
  it("starts the next page at the oldest time seen, remembering who was already there", () => {
    const page = [message("c", 30), message("b", 20), message("a", 20)];
    expect(pageAfter(page, 3, null)).toEqual({ fresh: page, next: { from: 20, seen: ["b", "a"] } });
  });

  it("drops the messages returned again at the boundary time", () => {
    const cursor = { from: 20, seen: ["b", "a"] };
    const page = [message("b", 20), message("a", 20), message("z", 20)];
    const result = pageAfter(page, 3, cursor);
    expect(result.fresh.map((item) => item.key)).toEqual(["z"]);
    expect(result.next).toEqual({ from: 20, seen: ["b", "a", "z"] });
  });

  it("ends on a short page", () => {
    expect(pageAfter([message("a", 5)], 3, null).next).toBeNull();
    expect(pageAfter([], 3, { from: 5, seen: ["a"] })).toEqual({ fresh: [], next: null });
  });

  it("steps one millisecond back rather than loop when a full page holds nothing new", () => {
    const page = [message("b", 20), message("a", 20)];
    expect(pageAfter(page, 2, { from: 20, seen: ["a", "b"] })).toEqual({ fresh: [], next: { from: 19, seen: [] } });
  });

  it("a page shortened by unreadable items is not taken for the last one", () => {
    const page = [message("b", 20)];
    expect(pageAfter(page, 3, null, 3).next).toEqual({ from: 20, seen: ["b"] });
    expect(pageAfter([], 3, { from: 20, seen: ["b"] }, 3).next).toEqual({ from: 19, seen: [] });
  });

  it("round-trips its cursor and refuses one it did not make", () => {
    expect(decodeCursor(encodeCursor({ from: -5, seen: ["mid.x"] }))).toEqual({ from: -5, seen: ["mid.x"] });
    try {
      decodeCursor("not-a-cursor");
      expect.unreachable();
    } catch (error) {
      expect(isProviderError(error, "invalid_input")).toBe(true);
    }
  });
});
