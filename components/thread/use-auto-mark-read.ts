"use client";

import { useEffect, useRef, useState } from "react";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useMarkRead } from "@/lib/queries/read-state";
import { useSettings } from "@/lib/queries/settings";

/** How long an open chat must be on screen before it counts as read. */
const READ_AFTER_MS = 1500;

function useDocumentVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

/**
 * Marks the open chat read once it has been visible a moment, and again when new messages
 * arrive while it stays open; not when the agent turned this off in the settings, marked the
 * chat unread during this visit, or the server refused once (no retry loop).
 */
export function useAutoMarkRead(chat: ChatDetail | undefined, suppressed: boolean) {
  const settings = useSettings();
  const visible = useDocumentVisible();
  const { mutate } = useMarkRead();
  const [failed, setFailed] = useState(false);
  const enabled = settings.data?.autoMarkRead === true && !suppressed && !failed && visible;
  const unread = chat !== undefined && chat.unreadCount > 0;
  const latestChat = useRef(chat);
  useEffect(() => {
    latestChat.current = chat;
  });
  useEffect(() => {
    if (!enabled || !unread) return;
    const timer = setTimeout(() => {
      if (latestChat.current) mutate(latestChat.current, { onError: () => setFailed(true) });
    }, READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [enabled, unread, mutate]);
}
