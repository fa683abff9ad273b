"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Input } from "@/components/ui/input";

/** The `/` shortcut focuses this field. */
export const CHAT_SEARCH_ID = "chat-search";

const DEBOUNCE_MS = 300;

/** "Search chats": title, phone and message text; the query goes to the URL a moment after typing stops. */
export function ChatSearch({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const t = useTranslations("inbox");
  const [text, setText] = useState(value);
  const applied = useRef(value);

  // The URL changed elsewhere (back button, "Clear filters"): show what it says.
  useEffect(() => {
    if (value === applied.current) return;
    applied.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    const q = text.trim();
    if (q === applied.current) return;
    const timer = setTimeout(() => {
      applied.current = q;
      onChange(q);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onChange]);

  return (
    <search className="relative block">
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="currentColor"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500 dark:text-slate-400"
      >
        <path d="M8.5 3a5.5 5.5 0 0 1 4.4 8.8l3.6 3.7a1 1 0 0 1-1.4 1.4l-3.7-3.6A5.5 5.5 0 1 1 8.5 3m0 2a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7" />
      </svg>
      <Input
        id={CHAT_SEARCH_ID}
        type="search"
        aria-label={t("search")}
        placeholder={t("searchPlaceholder")}
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && text === "") event.currentTarget.blur();
        }}
        className="w-full py-2 pr-2 pl-8"
      />
    </search>
  );
}
