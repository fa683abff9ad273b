import type { InfiniteData } from "@tanstack/react-query";

type Item = { id: number };
type Page<T extends Item> = { items: T[]; nextCursor: string | null };

export type HeadOrder<T extends Item> = {
  /** Where the head (newest) end of a page is: first item (chat list) or last (threads). */
  headAt: "start" | "end";
  /** Negative when `a` is nearer the head than `b`. */
  compare: (a: T, b: T) => number;
};

const headFirst = <T>(items: T[], headAt: "start" | "end") => (headAt === "start" ? items : [...items].reverse());

/**
 * Folds a freshly fetched first page into cached infinite data, so a live change costs one
 * request instead of a refetch of every loaded page. Returns null when the fresh page cannot
 * be joined to what is cached (a gap between them, or a changed item deeper than the fresh
 * page that only a full refetch can update): the caller then invalidates.
 *
 * Items of the cached first page inside the fresh page's range but missing from it are gone
 * (deleted, or no longer matching the filters); items that moved to the head are removed from
 * deeper pages.
 */
export function mergeHeadPage<T extends Item, P extends Page<T>, Param>(
  cached: InfiniteData<P, Param>,
  fresh: P,
  changedIds: Iterable<number>,
  order: HeadOrder<T>,
): InfiniteData<P, Param> | null {
  const [cachedHead, ...deeper] = cached.pages;
  const [firstParam] = cached.pageParams;
  if (!cachedHead || firstParam === undefined) return null;
  const replaced: InfiniteData<P, Param> = { pages: [fresh], pageParams: [firstParam] };
  if (fresh.nextCursor === null) return replaced;

  const freshItems = headFirst(fresh.items, order.headAt);
  const boundary = freshItems.at(-1);
  const cachedItems = headFirst(cachedHead.items, order.headAt);
  const [cachedNearest] = cachedItems;
  const cachedFarthest = cachedItems.at(-1);
  if (!boundary) return null;
  if (!cachedNearest || !cachedFarthest) return deeper.length === 0 ? replaced : null;
  // The fresh page must reach back to what was cached, or anything between them would be lost.
  if (order.compare(boundary, cachedNearest) < 0) return null;
  // It covers the whole cached first page: with nothing deeper it simply replaces it; otherwise
  // the deeper pages' cursors no longer line up with it.
  if (order.compare(cachedFarthest, boundary) < 0) return deeper.length === 0 ? replaced : null;

  const freshIds = new Set(freshItems.map((item) => item.id));
  const beyond = (item: T) => order.compare(item, boundary) > 0;
  const cachedBeyond = [...cachedItems, ...deeper.flatMap((page) => page.items)].filter(beyond);
  const beyondIds = new Set(cachedBeyond.map((item) => item.id));
  for (const id of changedIds) {
    if (!freshIds.has(id) && beyondIds.has(id)) return null;
  }

  const headItems = [...freshItems, ...cachedItems.filter((item) => beyond(item) && !freshIds.has(item.id))];
  const head: P = { ...cachedHead, items: headFirst(headItems, order.headAt), nextCursor: cachedHead.nextCursor };
  return {
    pages: [head, ...deeper.map((page) => ({ ...page, items: page.items.filter((item) => !freshIds.has(item.id)) }))],
    pageParams: cached.pageParams,
  };
}
