import type { InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { type HeadOrder, mergeHeadPage } from "@/lib/queries/merge-head-page";

type Row = { id: number; at: number; v?: string };
type RowPage = { items: Row[]; nextCursor: string | null };

const newestFirst: HeadOrder<Row> = { headAt: "start", compare: (a, b) => b.at - a.at || b.id - a.id };
const oldestFirst: HeadOrder<Row> = { headAt: "end", compare: newestFirst.compare };

const row = (id: number, at = id, v?: string): Row => (v ? { id, at, v } : { id, at });
const page = (ids: Row[], nextCursor: string | null): RowPage => ({ items: ids, nextCursor });
const data = (...pages: RowPage[]): InfiniteData<RowPage, string | null> => ({
  pages,
  pageParams: pages.map((_, index) => (index === 0 ? null : `p${index}`)),
});
const ids = (merged: InfiniteData<RowPage, string | null> | null) => merged?.pages.map((p) => p.items.map((r) => r.id));

describe("mergeHeadPage, newest first (the chat list)", () => {
  const cached = data(page([row(5), row(4), row(3)], "p1"), page([row(2), row(1)], null));

  it("puts new and changed items at the head and keeps the rest with its cursors", () => {
    const merged = mergeHeadPage(cached, page([row(6), row(5, 5, "new"), row(4)], "x"), [6, 5], newestFirst);
    expect(ids(merged)).toEqual([
      [6, 5, 4, 3],
      [2, 1],
    ]);
    expect(merged?.pages[0]?.items[1]?.v).toBe("new");
    expect(merged?.pages[0]?.nextCursor).toBe("p1");
    expect(merged?.pageParams).toEqual([null, "p1"]);
  });

  it("moves an item that became newest out of the deeper pages", () => {
    const merged = mergeHeadPage(cached, page([row(2, 9), row(5), row(4)], "x"), [2], newestFirst);
    expect(ids(merged)).toEqual([[2, 5, 4, 3], [1]]);
  });

  it("drops a cached head item the fresh page no longer has within its range", () => {
    const merged = mergeHeadPage(cached, page([row(6), row(4), row(3)], "x"), [5], newestFirst);
    expect(ids(merged)).toEqual([
      [6, 4, 3],
      [2, 1],
    ]);
  });

  it("gives up when the fresh page does not reach the cached head (a gap)", () => {
    expect(mergeHeadPage(cached, page([row(9), row(8), row(7)], "x"), [9], newestFirst)).toBeNull();
  });

  it("gives up when a changed item lies deeper than the fresh page", () => {
    expect(mergeHeadPage(cached, page([row(5), row(4)], "x"), [1], newestFirst)).toBeNull();
  });

  it("ignores changed items it has never loaded", () => {
    expect(ids(mergeHeadPage(cached, page([row(5), row(4)], "x"), [77], newestFirst))).toEqual([
      [5, 4, 3],
      [2, 1],
    ]);
  });

  it("replaces everything when the fresh page is the whole list", () => {
    const merged = mergeHeadPage(cached, page([row(5), row(3)], null), [4], newestFirst);
    expect(ids(merged)).toEqual([[5, 3]]);
    expect(merged?.pageParams).toEqual([null]);
  });
});

describe("mergeHeadPage, oldest first within a page (threads)", () => {
  const cached = data(page([row(3), row(4), row(5)], "p1"), page([row(1), row(2)], null));

  it("appends new messages at the end of the newest page", () => {
    const merged = mergeHeadPage(cached, page([row(4), row(5), row(6)], "x"), [6], oldestFirst);
    expect(ids(merged)).toEqual([
      [3, 4, 5, 6],
      [1, 2],
    ]);
    expect(merged?.pages[0]?.nextCursor).toBe("p1");
  });

  it("updates an edited message in place", () => {
    const merged = mergeHeadPage(cached, page([row(4), row(5, 5, "edited")], "x"), [5], oldestFirst);
    expect(merged?.pages[0]?.items.map((r) => r.v ?? "")).toEqual(["", "", "edited"]);
  });

  it("replaces a cached head that the fresh page covers when nothing deeper is loaded", () => {
    const single = data(page([row(4), row(5)], "p1"));
    const merged = mergeHeadPage(single, page([row(3), row(4), row(5), row(6)], "y"), [6], oldestFirst);
    expect(ids(merged)).toEqual([[3, 4, 5, 6]]);
    expect(merged?.pages[0]?.nextCursor).toBe("y");
  });
});
