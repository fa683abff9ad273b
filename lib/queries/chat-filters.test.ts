import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToParams, NO_FILTERS, withFilters } from "@/lib/queries/chat-filters";

const A = "0b0c6f1e-2a43-4a59-9c6e-6a1f0b1d2c3e";
const B = "7d7e5a44-1111-4a59-9c6e-6a1f0b1d2c3e";

describe("chat filters in the URL", () => {
  it("round-trip, with defaults left out", () => {
    const filters = { connections: [B, A], unread: true, status: "closed" as const, q: " заказ " };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      `connection=${A}&connection=${B}&unread=1&status=closed&q=%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7`,
    );
    expect(filtersFromParams(params)).toEqual({ connections: [A, B], unread: true, status: "closed", q: "заказ" });
    expect(filtersToParams(NO_FILTERS).toString()).toBe("");
  });

  it("ignore malformed values instead of passing them to the API", () => {
    const params = new URLSearchParams(`connection=1;drop&connection=${A}&connection=${A}&unread=yes&status=all`);
    expect(filtersFromParams(params)).toEqual({ connections: [A], unread: false, status: null, q: "" });
    expect(filtersFromParams(new URLSearchParams({ q: "x".repeat(500) })).q).toHaveLength(200);
  });

  it("keep the filters on links", () => {
    expect(withFilters("/chats/5", { ...NO_FILTERS, unread: true })).toBe("/chats/5?unread=1");
    expect(withFilters("/", NO_FILTERS)).toBe("/");
  });
});
