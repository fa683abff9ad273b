"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTranslations } from "use-intl";
import { useSelectedChatId } from "@/components/inbox/chat-list";
import { playNotificationTone } from "@/components/shell/notification-tone";
import type { InboxNotification, NotificationsPage } from "@/lib/me/notifications.types";
import { apiGet } from "@/lib/queries/api";
import { countKeys } from "@/lib/queries/keys";
import { useSettings } from "@/lib/queries/settings";

/** Whether the agent would not see this message anyway: the tab is hidden or shows another chat. */
function isAway(item: InboxNotification, openChatId: number | null): boolean {
  return document.visibilityState === "hidden" || openChatId !== item.chatId;
}

/**
 * Browser notifications and the sound (each as the agent chose in Settings) for the customer
 * messages and mentions that are theirs (lib/me/notifications.ts). The server is asked what is new
 * each time the unread or view counts refresh, which the live updates do on every change that
 * could bring one; clicking a notification opens its chat.
 */
export function useNotifications() {
  const t = useTranslations("notifications");
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useSettings().data;
  const desktop = settings?.notifyDesktop ?? false;
  const sound = settings?.notifySound ?? false;
  const openChatId = useRef<number | null>(null);
  openChatId.current = useSelectedChatId();

  useEffect(() => {
    if (!desktop && !sound) return;
    let cursor: number | undefined;
    let checking = false;
    let checkAgain = false;
    let stopped = false;

    const announce = (items: InboxNotification[]) => {
      const away = items.filter((item) => isAway(item, openChatId.current));
      if (away.length === 0) return;
      if (sound) playNotificationTone();
      if (!desktop || !("Notification" in window) || Notification.permission !== "granted") return;
      for (const item of away) {
        const title = item.reason === "mention" ? t("mentioned", { chat: item.chatTitle }) : item.chatTitle;
        // One notification per chat: a newer message replaces the older one instead of piling up.
        const notification = new Notification(title, { body: item.text ?? t("noText"), tag: `chat-${item.chatId}` });
        notification.onclick = () => {
          window.focus();
          router.push(`/chats/${item.chatId}`);
          notification.close();
        };
      }
    };

    const check = async () => {
      if (checking) {
        checkAgain = true;
        return;
      }
      checking = true;
      try {
        do {
          checkAgain = false;
          const query = cursor === undefined ? "" : `?after=${cursor}`;
          const page = await apiGet<NotificationsPage>(`/api/me/notifications${query}`);
          if (stopped) return;
          const firstAnswer = cursor === undefined;
          cursor = page.cursor;
          if (!firstAnswer) announce(page.items);
        } while (checkAgain && !stopped);
      } catch {
        // Missed this time; the next change asks again from the same cursor.
      } finally {
        checking = false;
      }
    };

    void check();
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      if (event.query.queryKey[0] === countKeys.all[0]) void check();
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [desktop, sound, queryClient, router, t]);
}
