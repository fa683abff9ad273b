"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { useNow, useTranslations } from "use-intl";
import { CHAT_ROW_HEIGHT, ChatListRow } from "@/components/inbox/chat-list-row";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { type ChatFilters, hasFilters, withFilters } from "@/lib/queries/chat-filters";
import { flattenChatList, useChatList } from "@/lib/queries/chats";
import { useConnectionsById } from "@/lib/queries/connections";
import { useStaff } from "@/lib/queries/views";

/** Start loading the next page this many rows before the end, so fast scrolling rarely waits. */
const PREFETCH_ROWS = 30;

function RowSkeleton() {
  return (
    <div className="flex items-center gap-3 px-3" style={{ height: CHAT_ROW_HEIGHT }}>
      <Skeleton className="size-9 rounded-full" />
      <div className="flex-1 space-y-2">
        <Skeleton className="h-3.5 w-2/3" />
        <Skeleton className="h-3 w-5/6" />
      </div>
    </div>
  );
}

function ListSkeleton() {
  const t = useTranslations("common");
  return (
    <div className="min-h-0 flex-1 overflow-hidden" aria-busy="true">
      <span className="sr-only">{t("loading")}</span>
      {Array.from({ length: 12 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing but their position
        <RowSkeleton key={index} />
      ))}
    </div>
  );
}

export function useSelectedChatId(): number | null {
  const { chatId } = useParams<{ chatId?: string }>();
  const id = Number(chatId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * The list named "Chats": every chat of every connection matching the filters, newest activity
 * first. Virtualized (only the rows on screen exist in the DOM) and paged by cursor as it scrolls.
 */
export function ChatList({ filters }: { filters: ChatFilters }) {
  const t = useTranslations("inbox");
  const list = useChatList(filters);
  const chats = useMemo(() => flattenChatList(list.data), [list.data]);
  const connections = useConnectionsById();
  const staff = useStaff();
  const staffById = useMemo(() => new Map((staff.data ?? []).map((member) => [member.id, member])), [staff.data]);
  const selectedId = useSelectedChatId();
  const now = useNow({ updateInterval: 60_000 });
  const scrollRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;

  const virtualizer = useVirtualizer({
    count: chats.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CHAT_ROW_HEIGHT,
    getItemKey: (index) => chats[index]?.id ?? "more",
    overscan: 8,
    // Rendered on the server too (the list comes with the page): a screen's worth of rows, the same
    // in the browser's first render, until the real height is measured.
    initialRect: { width: 0, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError && lastVisible >= chats.length - PREFETCH_ROWS) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, lastVisible, chats.length, fetchNextPage]);

  // Keep the open chat in view when it changes (j/k, a lookup), not when the list merely updates.
  const chatsRef = useRef(chats);
  useEffect(() => {
    chatsRef.current = chats;
  }, [chats]);
  useEffect(() => {
    const index = chatsRef.current.findIndex((chat) => chat.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [selectedId, virtualizer]);

  if (list.isPending) return <ListSkeleton />;
  if (list.isError && chats.length === 0) {
    return <ErrorState title={t("listFailed")} error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (chats.length === 0) {
    return hasFilters(filters) || filters.view !== "all" ? (
      <EmptyState title={t("noMatches")} hint={t("noMatchesHint")} />
    ) : (
      <EmptyState title={t("noChats")} hint={t("noChatsHint")} />
    );
  }

  return (
    <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain">
      <ul
        aria-label={t("chats")}
        aria-busy={list.isFetching}
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const chat = chats[item.index];
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute inset-x-0 top-0"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {chat ? (
                <ChatListRow
                  chat={chat}
                  connection={connections.get(chat.connectionId)}
                  selected={chat.id === selectedId}
                  href={withFilters(`/chats/${chat.id}`, filters)}
                  now={now}
                  assignee={chat.assigneeId ? staffById.get(chat.assigneeId) : undefined}
                />
              ) : isFetchNextPageError ? (
                <div className="flex items-center justify-center gap-2 text-sm" style={{ height: CHAT_ROW_HEIGHT }}>
                  {t("moreFailed")}
                  <Button variant="secondary" size="sm" onClick={() => void fetchNextPage()}>
                    {t("retryMore")}
                  </Button>
                </div>
              ) : (
                <>
                  <span className="sr-only">{t("loadingMore")}</span>
                  <RowSkeleton />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
