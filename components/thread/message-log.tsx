"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { useTimeZone, useTranslations } from "use-intl";
import { DaySeparator } from "@/components/thread/day-separator";
import { type BubbleActions, MessageBubble } from "@/components/thread/message-bubble";
import type { ReplyTarget } from "@/components/thread/reply-quote";
import { threadRows } from "@/components/thread/thread-rows";
import { Button } from "@/components/ui/button";
import type { MessageView } from "@/lib/messages/list-messages";
import type { ThreadPage } from "@/lib/messages/read-thread";
import { chatKeys } from "@/lib/queries/keys";
import { useRetryMessage, type useThread } from "@/lib/queries/messages";
import { keepNewestPage } from "@/lib/queries/refresh";
import { flattenThread, isUnconfirmed, type ThreadData } from "@/lib/queries/thread-data";

/** Older messages load when the agent scrolls this close to the top. */
const LOAD_OLDER_WITHIN_PX = 800;
/** Room above the first message for "loading older…" or "beginning of the conversation". */
const TOP_SLOT_PX = 48;
const HIGHLIGHT_MS = 2500;
/** Closer to the bottom than this counts as "at the newest message" (the virtualizer's threshold too). */
const AT_END_PX = 80;

type Thread = ReturnType<typeof useThread>;

function useDayOf() {
  const timeZone = useTimeZone();
  return useMemo(() => {
    const formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    return (iso: string) => formatter.format(new Date(iso));
  }, [timeZone]);
}

/** Waits (a few frames at most) for a virtualized row to be rendered, then focuses it without scrolling. */
function focusWhenRendered(container: HTMLElement, messageId: number, framesLeft = 20) {
  const element = container.querySelector<HTMLElement>(`[data-message-id="${messageId}"]`);
  if (element) element.focus({ preventScroll: true });
  else if (framesLeft > 0) requestAnimationFrame(() => focusWhenRendered(container, messageId, framesLeft - 1));
}

/**
 * The thread: a region with role "log" named "Messages". Newest at the bottom; older pages load
 * as the agent scrolls up and keep the visible message in place; it stays pinned to the bottom
 * as messages arrive unless the agent scrolled up, who then gets a "New messages" button.
 * Virtualized: only the rows near the viewport are in the DOM, however long the thread.
 */
export function MessageLog({
  chatId,
  thread,
  onReply,
}: {
  chatId: number;
  thread: Thread;
  onReply?: (message: MessageView) => void;
}) {
  const t = useTranslations("thread");
  const queryClient = useQueryClient();
  const retry = useRetryMessage(chatId);
  const dayOf = useDayOf();
  const messages = useMemo(() => flattenThread(thread.data), [thread.data]);
  const rows = useMemo(() => threadRows(messages, dayOf), [messages, dayOf]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [unseen, setUnseen] = useState(0);
  const [highlightId, setHighlightId] = useState<number | null>(null);
  const [jumpTo, setJumpTo] = useState<number | null>(null);
  const atEnd = useRef(true);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;
  const olderUnavailable = thread.data?.pages.at(-1)?.olderUnavailable ?? false;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.day ? 116 : 76),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    paddingStart: TOP_SLOT_PX,
    paddingEnd: 12,
    anchorTo: "end",
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
  });

  // Leaving the chat: a later visit opens at the newest page, so only that page is worth keeping.
  useEffect(() => () => keepNewestPage(queryClient, chatKeys.messages(chatId)), [queryClient, chatId]);

  // Open at the newest message.
  useLayoutEffect(() => {
    if (ready || rows.length === 0) return;
    virtualizer.scrollToEnd();
    setReady(true);
  }, [ready, rows.length, virtualizer]);

  const loadOlderIfNear = useCallback(() => {
    const element = scrollRef.current;
    if (!element || !ready || !hasNextPage || isFetchingNextPage) return;
    const nearTop = element.scrollTop < LOAD_OLDER_WITHIN_PX;
    if (nearTop) void fetchNextPage();
  }, [ready, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // A short thread does not scroll at all: after each page, check again until it does or the history ends.
  useEffect(loadOlderIfNear, [loadOlderIfNear]);

  const onScroll = () => {
    const element = scrollRef.current;
    // Measured here rather than asked of the virtualizer, which learns of the scroll a frame later.
    atEnd.current = element ? element.scrollHeight - element.scrollTop - element.clientHeight <= AT_END_PX : true;
    if (atEnd.current) setUnseen(0);
    loadOlderIfNear();
  };

  // New messages at the bottom: our own sends are always shown; others wait behind a button if the agent scrolled up.
  const lastMessage = messages.at(-1);
  const lastKey = lastMessage ? `${lastMessage.clientId ?? lastMessage.id}` : null;
  const previousLast = useRef({ key: lastKey, count: messages.length });
  useEffect(() => {
    const previous = previousLast.current;
    previousLast.current = { key: lastKey, count: messages.length };
    if (!ready || previous.key === lastKey || !lastMessage) return;
    if (isUnconfirmed(lastMessage)) {
      virtualizer.scrollToEnd();
      setUnseen(0);
    } else if (!atEnd.current) {
      setUnseen((count) => count + Math.max(1, messages.length - previous.count));
    }
  }, [lastKey, lastMessage, messages.length, ready, virtualizer]);

  // Scroll to a quoted message (after its page loaded) and highlight it.
  useEffect(() => {
    if (jumpTo === null) return;
    const index = rows.findIndex((row) => row.message.id === jumpTo);
    setJumpTo(null);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: "center" });
    setHighlightId(jumpTo);
    if (scrollRef.current) focusWhenRendered(scrollRef.current, jumpTo);
  }, [jumpTo, rows, virtualizer]);

  useEffect(() => {
    if (highlightId === null) return;
    const timer = setTimeout(() => setHighlightId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightId]);

  const onJump = useCallback(
    async (target: ReplyTarget) => {
      const isTarget = (message: MessageView) =>
        (target.id !== null && message.id === target.id) ||
        (target.externalId !== null && message.externalId === target.externalId);
      let data: { pages: ThreadPage[] } | undefined = queryClient.getQueryData<ThreadData>(chatKeys.messages(chatId));
      let found = flattenThread(data).find(isTarget);
      // The original may be older than what is loaded: load older pages until it turns up.
      while (!found && data?.pages.at(-1)?.nextCursor) {
        const result = await fetchNextPage();
        if (result.isError || result.data === data) break;
        data = result.data;
        found = flattenThread(data).find(isTarget);
      }
      if (found) setJumpTo(found.id);
      else toast.info(t("originalUnavailable"));
    },
    [chatId, fetchNextPage, queryClient, t],
  );

  const retryMutate = retry.mutate;
  const actions: BubbleActions = useMemo(
    () => ({ onReply, onJump: (target) => void onJump(target), onRetry: (id) => retryMutate(id) }),
    [onReply, onJump, retryMutate],
  );

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-label={t("messages")}
        // Virtualization adds rows as the agent scrolls: announcing those would be noise, so new
        // messages are announced by the status line below instead.
        aria-live="off"
        aria-busy={isFetchingNextPage}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls with the keyboard once focused
        tabIndex={0}
        onScroll={onScroll}
        className="h-full overflow-y-auto overscroll-contain focus-visible:outline-2 focus-visible:outline-blue-500 focus-visible:-outline-offset-2"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          <div
            className="absolute inset-x-0 top-0 flex items-center justify-center text-slate-600 text-xs dark:text-slate-400"
            style={{ height: TOP_SLOT_PX }}
          >
            {isFetchingNextPage ? (
              t("loadingOlder")
            ) : olderUnavailable ? (
              <span className="flex items-center gap-2">
                {t("olderUnavailable")}
                <Button size="sm" variant="secondary" onClick={() => void thread.refetch()}>
                  {t("retryOlder")}
                </Button>
              </span>
            ) : !hasNextPage && thread.data ? (
              t("beginning")
            ) : null}
          </div>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 top-0"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.day && <DaySeparator day={row.day.key} at={row.day.at} />}
                <div
                  data-message-id={row.message.id}
                  // Focus lands here after a jump to a quoted message.
                  tabIndex={-1}
                  className="outline-none focus-visible:bg-amber-50/60 dark:focus-visible:bg-amber-950/30"
                >
                  <MessageBubble
                    message={row.message}
                    showAuthor={row.showAuthor}
                    highlighted={row.message.id === highlightId}
                    retrying={retry.isPending && retry.variables === row.message.id}
                    actions={actions}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {unseen > 0 && (
        <button
          type="button"
          onClick={() => {
            virtualizer.scrollToEnd({ behavior: "smooth" });
            setUnseen(0);
          }}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-blue-700 px-3 py-1.5 font-medium text-sm text-white shadow-lg hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-500 focus-visible:outline-offset-2"
        >
          {t("newMessages", { count: unseen })}
        </button>
      )}
      <NewMessageAnnouncer messages={messages} />
    </div>
  );
}

/** Tells screen readers about messages that arrive while the chat is open (only the newest, only customers'). */
function NewMessageAnnouncer({ messages }: { messages: MessageView[] }) {
  const t = useTranslations("thread");
  const last = messages.at(-1);
  const seen = useRef(last?.id);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!last || last.id === seen.current) return;
    const first = seen.current === undefined;
    seen.current = last.id;
    if (!first && last.direction === "inbound") {
      setAnnouncement(t("announceNew", { author: last.authorName ?? t("unknownAuthor"), text: last.text ?? "" }));
    }
  }, [last, t]);
  return (
    <p className="sr-only" aria-live="polite">
      {announcement}
    </p>
  );
}
