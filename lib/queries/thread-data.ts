import type { InfiniteData } from "@tanstack/react-query";
import type { MessageView } from "@/lib/messages/list-messages";
import type { ThreadPage } from "@/lib/messages/read-thread";
import { apiGet } from "@/lib/queries/api";

export const THREAD_PAGE_SIZE = 50;

/** A thread as cached: pages[0] is the newest page; each page lists its messages oldest first. */
export type ThreadData = InfiniteData<ThreadPage, string | null>;

export function fetchThreadPage(chatId: number, before: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(THREAD_PAGE_SIZE) });
  if (before) params.set("before", before);
  return apiGet<ThreadPage>(`/api/chats/${chatId}/messages?${params}`, signal);
}

/** Every loaded message, oldest first. */
export function flattenThread(data: { pages: ThreadPage[] } | undefined): MessageView[] {
  return data ? data.pages.toReversed().flatMap((page) => page.items) : [];
}

/** A send the server has not confirmed yet carries a temporary negative id. */
export const isUnconfirmed = (message: MessageView) => message.id < 0;
