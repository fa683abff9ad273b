"use client";

import { useEffect, useState } from "react";

/** Unsent text per chat, kept while the agent hops between chats (for this tab's lifetime). */
const drafts = new Map<number, string>();

export function useDraft(chatId: number): [string, (text: string) => void] {
  const [text, setText] = useState(() => drafts.get(chatId) ?? "");
  useEffect(() => {
    if (text) drafts.set(chatId, text);
    else drafts.delete(chatId);
  }, [chatId, text]);
  return [text, setText];
}
