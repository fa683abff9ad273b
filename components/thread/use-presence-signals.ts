"use client";

import { useCallback, useEffect, useRef } from "react";
import { PRESENCE_HEARTBEAT_MS, type PresenceRequest, TYPING_SIGNAL_MS } from "@/lib/presence/presence.types";

/** This page's own id: one agent may have the inbox open in several tabs. */
const TAB = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : "";

function signal(chatId: number, state: PresenceRequest["state"]) {
  const request: PresenceRequest = { tab: TAB, state };
  // keepalive: a "left" sent as the tab closes still arrives.
  void fetch(`/api/chats/${chatId}/presence`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    keepalive: state === "left",
  }).catch(() => {
    // A missed heartbeat is made up by the next; a missed leave by the server's timeout.
  });
}

/**
 * Tells the team this tab shows the chat: now, every few seconds while it does, and "left" when
 * the agent opens another chat, leaves the inbox or closes the tab. Returns `typing()`, for each
 * keystroke in the composer: at most one typing signal every 2 s goes out.
 */
export function usePresenceSignals(chatId: number): () => void {
  const lastTyping = useRef(0);
  useEffect(() => {
    if (!TAB) return;
    signal(chatId, "viewing");
    const heartbeat = setInterval(() => {
      if (document.visibilityState === "visible") signal(chatId, "viewing");
    }, PRESENCE_HEARTBEAT_MS);
    const leave = () => signal(chatId, "left");
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(heartbeat);
      window.removeEventListener("pagehide", leave);
      leave();
      lastTyping.current = 0;
    };
  }, [chatId]);
  return useCallback(() => {
    const now = Date.now();
    if (!TAB || now - lastTyping.current < TYPING_SIGNAL_MS) return;
    lastTyping.current = now;
    signal(chatId, "typing");
  }, [chatId]);
}
