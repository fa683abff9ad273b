"use client";

import { usePathname } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { useSelectedChatId } from "@/components/inbox/chat-list";
import { useVisualViewportHeight } from "@/components/shell/use-visual-viewport-height";

/** Tailwind's `md` breakpoint: below it the inbox shows one column at a time. */
const ONE_COLUMN = "(width < 48rem)";

/** Whether the page before this one (in this tab, in the app) was the chat list. */
const CameFromListContext = createContext<() => boolean>(() => false);
export const useCameFromList = () => useContext(CameFromListContext);

/** The page's path and the one before it, as the agent moved through the app. */
function usePathHistory() {
  const pathname = usePathname();
  const paths = useRef<{ previous: string | null; current: string | null }>({ previous: null, current: null });
  useEffect(() => {
    if (pathname === paths.current.current) return;
    paths.current = { previous: paths.current.current, current: pathname };
  }, [pathname]);
  return () => paths.current.previous === "/";
}

/**
 * Wide screens: the chat list beside the open chat. Below 768 px: one column, the list or the
 * chat, each the whole screen (the chat, with its own header and a way back, covers the app's header
 * too). The list and the header are never unmounted or collapsed, only hidden, so the list keeps its
 * height, scroll position and rows while a chat is open.
 */
export function InboxColumns({
  header,
  list,
  listLabel,
  children,
}: {
  header: ReactNode;
  list: ReactNode;
  listLabel: string;
  children: ReactNode;
}) {
  const chatId = useSelectedChatId();
  const chatOpen = chatId !== null;
  const cameFromList = usePathHistory();
  const rootRef = useRef<HTMLDivElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const lastChatId = useRef<number | null>(null);
  useVisualViewportHeight(rootRef);

  // In one column the focused row disappears with the list: focus goes to the chat, and back to its row.
  useEffect(() => {
    const previousChatId = lastChatId.current;
    lastChatId.current = chatId;
    if (!window.matchMedia(ONE_COLUMN).matches) return;
    const focused = document.activeElement;
    if (chatOpen && asideRef.current?.contains(focused)) {
      mainRef.current?.focus({ preventScroll: true });
    } else if (!chatOpen && previousChatId !== null && (focused === document.body || focused === null)) {
      asideRef.current
        ?.querySelector<HTMLElement>(`[data-chat-id="${previousChatId}"]`)
        ?.focus({ preventScroll: true });
    }
  }, [chatId, chatOpen]);

  return (
    <CameFromListContext value={cameFromList}>
      <div ref={rootRef} className="relative flex h-dvh flex-col">
        {/* Invisible, not removed, under an open chat: the list keeps its height and so its scroll position. */}
        <div className={chatOpen ? "max-md:invisible" : undefined}>{header}</div>
        <div className="flex min-h-0 flex-1 md:relative">
          <aside
            ref={asideRef}
            aria-label={listLabel}
            className={`flex w-full min-w-0 flex-col border-slate-200 md:w-72 md:shrink-0 md:border-r lg:w-80 xl:w-96 dark:border-slate-800 ${
              chatOpen ? "max-md:invisible" : ""
            }`}
          >
            {list}
          </aside>
          <main
            ref={mainRef}
            tabIndex={-1}
            className={`min-w-0 flex-1 outline-none max-md:absolute max-md:inset-0 ${chatOpen ? "" : "max-md:hidden"}`}
          >
            {children}
          </main>
        </div>
      </div>
    </CameFromListContext>
  );
}
