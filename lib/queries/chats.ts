import {
  type InfiniteData,
  infiniteQueryOptions,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
} from "@tanstack/react-query";
import { useEffect } from "react";
import type { ChatDetail } from "@/lib/chats/get-chat";
import type { ChatListItem, ChatListPage } from "@/lib/chats/list-chats";
import { apiGet, apiPost, isApiError } from "@/lib/queries/api";
import { type ChatFilters, chatPageParams } from "@/lib/queries/chat-filters";
import { chatKeys } from "@/lib/queries/keys";

export type ChatListData = InfiniteData<ChatListPage, string | null>;

export function fetchChatPage(filters: ChatFilters, cursor: string | null, signal?: AbortSignal) {
  return apiGet<ChatListPage>(`/api/chats?${chatPageParams(filters, cursor)}`, signal);
}

export const chatListOptions = (filters: ChatFilters) =>
  infiniteQueryOptions({
    queryKey: chatKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchChatPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ChatListPage) => last.nextCursor,
  });

/** The chat list for these filters, page by page (cursor paging); the previous list stays while a new filter loads. */
export function useChatList(filters: ChatFilters) {
  return useInfiniteQuery({ ...chatListOptions(filters), placeholderData: keepPreviousData });
}

/** Every loaded chat of a list, in order, once each (a chat that moved up while pages loaded is not listed twice). */
export function flattenChatList(data: { pages: ChatListPage[] } | undefined): ChatListItem[] {
  if (!data) return [];
  const seen = new Set<number>();
  const chats: ChatListItem[] = [];
  for (const page of data.pages) {
    for (const chat of page.items) {
      if (seen.has(chat.id)) continue;
      seen.add(chat.id);
      chats.push(chat);
    }
  }
  return chats;
}

/**
 * One chat with what its provider can do. Opening it also asks the server (a POST: reading
 * changes nothing) to refresh the chat from the provider; the change arrives as a live update.
 */
export function useChat(chatId: number) {
  useEffect(() => {
    apiPost(`/api/chats/${chatId}/refresh`).catch(() => {
      // Best effort: the background sync brings the chat up to date anyway.
    });
  }, [chatId]);
  return useQuery({
    queryKey: chatKeys.detail(chatId),
    queryFn: ({ signal }) => apiGet<ChatDetail>(`/api/chats/${chatId}`, signal),
    retry: (failures, error) => !isApiError(error, 404) && failures < 2,
  });
}

/** Applies a change to a chat wherever it is cached: its detail and every list page that shows it. */
export function patchCachedChat(queryClient: QueryClient, chatId: number, changes: Partial<ChatDetail>) {
  queryClient.setQueryData<ChatDetail>(chatKeys.detail(chatId), (chat) => chat && { ...chat, ...changes });
  queryClient.setQueriesData<ChatListData>({ queryKey: chatKeys.lists() }, (data) =>
    data?.pages.some((page) => page.items.some((chat) => chat.id === chatId))
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((chat) => (chat.id === chatId ? { ...chat, ...changes } : chat)),
          })),
        }
      : data,
  );
}
