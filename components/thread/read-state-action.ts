"use client";

import { toast } from "sonner";
import { useTranslations } from "use-intl";
import type { MenuAction } from "@/components/ui/menu";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useMarkRead, useMarkUnread } from "@/lib/queries/read-state";

/** "Mark as read" while the chat has unread messages, else "Mark as unread" (also the `u` key). */
export function useReadStateAction(chat: ChatDetail, onMarkedUnread: () => void): MenuAction {
  const t = useTranslations("thread");
  const markRead = useMarkRead();
  const markUnread = useMarkUnread();
  const fail = (error: Error) => toast.error(t("readStateFailed"), { description: error.message });
  const keepUnread = () => {
    onMarkedUnread();
    markUnread.mutate(chat, { onError: fail });
  };
  useHotkeys({ u: keepUnread });

  return chat.unreadCount > 0
    ? { key: "read-state", label: t("markRead"), onSelect: () => markRead.mutate(chat, { onError: fail }) }
    : { key: "read-state", label: t("markUnread"), onSelect: keepUnread, keyShortcut: "u" };
}
