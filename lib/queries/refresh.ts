import type { InfiniteData, Query, QueryClient, QueryKey } from "@tanstack/react-query";
import type { ChatListPage } from "@/lib/chats/list-chats";
import type { ThreadPage } from "@/lib/messages/read-thread";
import type { ChatFilters } from "@/lib/queries/chat-filters";
import { type ChatListData, fetchChatPage } from "@/lib/queries/chats";
import { chatKeys } from "@/lib/queries/keys";
import { mergeHeadPage } from "@/lib/queries/merge-head-page";
import { chatListOrder, threadOrder } from "@/lib/queries/order";
import { fetchThreadPage, isUnconfirmed, type ThreadData } from "@/lib/queries/thread-data";

/*
 * Live changes and mutations refresh lists and threads by refetching only their newest page and
 * folding it into the cache (mergeHeadPage): a list scrolled far down, or a long thread, costs
 * one request per change instead of one per loaded page.
 */

function isChatFilters(value: unknown): value is ChatFilters {
  return typeof value === "object" && value !== null && "connections" in value && "unread" in value;
}

/** Marks a query stale; it refetches at once only if something shows it. */
function invalidate(queryClient: QueryClient, queryKey: QueryKey) {
  return queryClient.invalidateQueries({ queryKey, exact: true });
}

/**
 * Drops all but the newest page of a list or thread nobody shows, so showing it again refetches
 * one page rather than every page that was scrolled through.
 */
export function keepNewestPage(queryClient: QueryClient, queryKey: QueryKey) {
  queryClient.setQueryData<InfiniteData<unknown, unknown>>(queryKey, (data) =>
    data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
  );
}

/** Only a query that is on screen and idle takes a merged page; others are invalidated. */
const canMerge = (query: Query) => query.isActive() && query.state.fetchStatus === "idle";

async function refreshHead<Data, Page>(
  queryClient: QueryClient,
  query: Query,
  fetchHead: () => Promise<Page>,
  merge: (cached: Data, fresh: Page) => Data | null,
): Promise<void> {
  if (!canMerge(query)) {
    if (!query.isActive()) keepNewestPage(queryClient, query.queryKey);
    return invalidate(queryClient, query.queryKey);
  }
  try {
    const fresh = await fetchHead();
    const cached = queryClient.getQueryData<Data>(query.queryKey);
    const merged = cached !== undefined && canMerge(query) ? merge(cached, fresh) : null;
    if (merged) queryClient.setQueryData(query.queryKey, merged);
    else await invalidate(queryClient, query.queryKey);
  } catch {
    await invalidate(queryClient, query.queryKey);
  }
}

/** Refreshes every cached chat list after the given chats changed. */
export async function refreshChatLists(queryClient: QueryClient, changedChatIds: number[]): Promise<void> {
  const queries = queryClient.getQueryCache().findAll({ queryKey: chatKeys.lists() });
  await Promise.all(
    queries.map((query) => {
      const filters = query.queryKey.at(2);
      if (!isChatFilters(filters)) return invalidate(queryClient, query.queryKey);
      return refreshHead<ChatListData, ChatListPage>(
        queryClient,
        query,
        () => fetchChatPage(filters, null),
        (cached, fresh) => mergeHeadPage(cached, fresh, changedChatIds, chatListOrder),
      );
    }),
  );
}

/** Sends still on their way to the server are not in a fresh page: they stay at the end of the thread. */
function mergeThread(cached: ThreadData, fresh: ThreadPage, changedIds: number[]): ThreadData | null {
  const confirmed = new Set(fresh.items.map((message) => message.clientId));
  const [head, ...older] = cached.pages;
  if (!head) return null;
  const unconfirmed = head.items.filter((message) => isUnconfirmed(message) && !confirmed.has(message.clientId));
  const settled = { ...cached, pages: [{ ...head, items: head.items.filter((m) => !isUnconfirmed(m)) }, ...older] };
  const merged = mergeHeadPage(settled, fresh, changedIds, threadOrder);
  const [mergedHead, ...rest] = merged?.pages ?? [];
  if (!merged || !mergedHead || unconfirmed.length === 0) return merged;
  return { ...merged, pages: [{ ...mergedHead, items: [...mergedHead.items, ...unconfirmed] }, ...rest] };
}

/** Refreshes a chat's cached thread after the given messages changed (or were added). */
export async function refreshThread(queryClient: QueryClient, chatId: number, changedIds: number[]): Promise<void> {
  const query = queryClient.getQueryCache().find({ queryKey: chatKeys.messages(chatId), exact: true });
  if (!query) return;
  await refreshHead<ThreadData, ThreadPage>(
    queryClient,
    query,
    () => fetchThreadPage(chatId, null),
    (cached, fresh) => mergeThread(cached, fresh, changedIds),
  );
}
