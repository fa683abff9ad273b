"use client";

import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useMarkRead, useMarkUnread } from "@/lib/queries/read-state";

/** "Mark as read" while the chat has unread messages, else "Mark as unread" (also the `u` key). */
export function ReadStateButton({ chat, onMarkedUnread }: { chat: ChatDetail; onMarkedUnread: () => void }) {
  const t = useTranslations("thread");
  const markRead = useMarkRead();
  const markUnread = useMarkUnread();
  const fail = (error: Error) => toast.error(t("readStateFailed"), { description: error.message });
  const keepUnread = () => {
    onMarkedUnread();
    markUnread.mutate(chat, { onError: fail });
  };
  useHotkeys({ u: keepUnread });

  return chat.unreadCount > 0 ? (
    <Button variant="secondary" size="sm" onClick={() => markRead.mutate(chat, { onError: fail })}>
      {t("markRead")}
    </Button>
  ) : (
    <Button variant="secondary" size="sm" aria-keyshortcuts="u" onClick={keepUnread}>
      {t("markUnread")}
    </Button>
  );
}
