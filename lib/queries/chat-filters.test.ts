import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToParams, hasFilters, NO_FILTERS, withFilters } from "@/lib/queries/chat-filters";

const A = "0b0c6f1e-2a43-4a59-9c6e-6a1f0b1d2c3e";
const B = "7d7e5a44-1111-4a59-9c6e-6a1f0b1d2c3e";

describe("chat filters in the URL", () => {
  it("round-trip, with defaults left out", () => {
    const filters = { ...NO_FILTERS, connections: [B, A], unread: true, status: "closed" as const, q: " заказ " };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      `connection=${A}&connection=${B}&unread=1&status=closed&q=%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7`,
    );
    expect(filtersFromParams(params)).toEqual({
      ...NO_FILTERS,
      connections: [A, B],
      unread: true,
      status: "closed",
      q: "заказ",
    });
    expect(filtersToParams(NO_FILTERS).toString()).toBe("");
  });

  it("carry the view, the inbox status and Needs reply, combined with the other filters", () => {
    const filters = { ...NO_FILTERS, view: "mine" as const, state: "pending" as const, needsReply: true, unread: true };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe("view=mine&unread=1&state=pending&needsReply=1");
    expect(filtersFromParams(params)).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams("view=mentions")).view).toBe("mentions");
  });

  it("ignore malformed values instead of passing them to the API", () => {
    const params = new URLSearchParams(
      `connection=1;drop&connection=${A}&connection=${A}&unread=yes&status=all&view=theirs&state=snoozed&needsReply=yes`,
    );
    expect(filtersFromParams(params)).toEqual({ ...NO_FILTERS, connections: [A] });
    expect(filtersFromParams(new URLSearchParams({ q: "x".repeat(500) })).q).toHaveLength(200);
  });

  it("keep the filters on links; a view alone is not a filter to clear", () => {
    expect(withFilters("/chats/5", { ...NO_FILTERS, unread: true })).toBe("/chats/5?unread=1");
    expect(withFilters("/chats/5", { ...NO_FILTERS, view: "unassigned" })).toBe("/chats/5?view=unassigned");
    expect(withFilters("/", NO_FILTERS)).toBe("/");
    expect(hasFilters({ ...NO_FILTERS, view: "mine" })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, view: "mine", needsReply: true })).toBe(true);
  });
});
