"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useSelectedChatId } from "@/components/inbox/chat-list";
import { CHAT_SEARCH_ID } from "@/components/inbox/chat-search";
import { useChatFilters } from "@/components/inbox/use-chat-filters";
import { useAttentionFavicon } from "@/components/shell/use-attention-favicon";
import { useNotifications } from "@/components/shell/use-notifications";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { withFilters } from "@/lib/queries/chat-filters";
import { type ChatListData, flattenChatList } from "@/lib/queries/chats";
import { useUnreadCounts } from "@/lib/queries/counts";
import { chatKeys } from "@/lib/queries/keys";
import { useLiveUpdates } from "@/lib/queries/live-updates";
import { useSettings, useUpdateSettings } from "@/lib/queries/settings";

/** Total unread in the tab title, e.g. "(7) Inbox". */
function useTabTitle() {
  const t = useTranslations("shell");
  const { data } = useUnreadCounts();
  const pathname = usePathname();
  const total = data?.total ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation may reset the title, so set it again after each
  useEffect(() => {
    document.title = total > 0 ? `(${total}) ${t("tabTitle")}` : t("tabTitle");
  }, [total, t, pathname]);
}

/** j / k open the next / previous chat of the list as shown; / jumps to the search. */
function useListShortcuts() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [filters] = useChatFilters();
  const selectedId = useSelectedChatId();
  const step = (by: 1 | -1) => {
    const chats = flattenChatList(queryClient.getQueryData<ChatListData>(chatKeys.list(filters)));
    const index = chats.findIndex((chat) => chat.id === selectedId);
    const next = index < 0 ? chats[0] : chats[index + by];
    if (next) router.push(withFilters(`/chats/${next.id}`, filters));
  };
  useHotkeys({
    j: () => step(1),
    k: () => step(-1),
    "/": () => document.getElementById(CHAT_SEARCH_ID)?.focus(),
  });
}

/**
 * On a browser that has not chosen a language yet, the agent's saved language wins over the
 * browser's preference (saving it again sets this browser's cookie).
 */
function useSavedLanguage() {
  const locale = useLocale();
  const router = useRouter();
  const saved = useSettings().data?.locale;
  const { mutate } = useUpdateSettings();
  useEffect(() => {
    if (!isLocale(saved) || saved === locale || document.cookie.includes(`${LOCALE_COOKIE}=`)) return;
    mutate({ locale: saved }, { onSuccess: () => router.refresh() });
  }, [saved, locale, mutate, router]);
}

/**
 * What the inbox does besides rendering: live updates, the tab title and icon, notifications, the
 * list shortcuts and the saved language.
 */
export function InboxRuntime() {
  useLiveUpdates();
  useTabTitle();
  useAttentionFavicon();
  useNotifications();
  useListShortcuts();
  useSavedLanguage();
  return null;
}
