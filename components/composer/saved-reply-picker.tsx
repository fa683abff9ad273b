"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type KeyboardEvent, useId, useState } from "react";
import { useTranslations } from "use-intl";
import { useCurrentUser } from "@/components/shell/current-user";
import type { CannedReply } from "@/lib/canned-replies/canned-replies.types";
import { fillVariables } from "@/lib/canned-replies/variables";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useCannedReplies } from "@/lib/queries/canned-replies";
import { chatKeys } from "@/lib/queries/keys";

/** At most this many suggestions at once; typing narrows them. */
const SHOWN = 8;

/** The word after a `/` that is the whole draft so far, or null when the draft is anything else. */
export function savedReplyQuery(text: string): string | null {
  return /^\/([\p{L}\p{N}_-]*)$/u.exec(text)?.[1]?.toLowerCase() ?? null;
}

/** A shortcut that is the word exactly comes first, then shortcuts and titles that contain it. */
export function matchReplies(replies: CannedReply[], query: string): CannedReply[] {
  const exact = replies.filter((reply) => reply.shortcut === query);
  const rest = replies.filter(
    (reply) =>
      reply.shortcut !== query && ((reply.shortcut ?? "").includes(query) || reply.title.toLowerCase().includes(query)),
  );
  return [...exact, ...rest].slice(0, SHOWN);
}

/**
 * `/` at the start of an empty draft opens the saved replies; typing narrows them, ↑/↓ choose,
 * Enter or Tab (or a click) puts the reply's text in the draft with its variables filled, Esc
 * keeps the typed text. The textbox stays a combobox over the list (aria-activedescendant).
 */
export function useSavedReplyPicker({
  chatId,
  text,
  setText,
}: {
  chatId: number;
  text: string;
  setText: (text: string) => void;
}) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const query = savedReplyQuery(text);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const replies = useCannedReplies();
  const [active, setActive] = useState(0);
  const listId = useId();
  const open = query !== null && dismissed !== text;
  const matches = open ? matchReplies(replies.data ?? [], query) : [];
  const chosen = Math.min(active, Math.max(0, matches.length - 1));

  const insert = (reply: CannedReply) => {
    const chat = queryClient.getQueryData<ChatDetail>(chatKeys.detail(chatId));
    const chatTitle = chat?.title ?? "";
    setText(fillVariables(reply.text, { customerName: chatTitle || null, agentName: user.name, chatTitle }));
    setActive(0);
  };

  /** True when the key was the picker's (the composer then does nothing else with it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (event.key === "Escape") {
      setDismissed(text);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((chosen + step + matches.length) % Math.max(1, matches.length));
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && matches[chosen]) {
      insert(matches[chosen]);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return {
    open,
    onKeyDown,
    /** For the textbox: what makes it a combobox of this list. */
    comboboxProps: open
      ? {
          role: "combobox",
          "aria-expanded": true,
          "aria-controls": listId,
          "aria-activedescendant": matches[chosen] ? optionId(chosen) : undefined,
        }
      : {},
    list: open ? (
      <SavedReplyList
        id={listId}
        matches={matches}
        chosen={chosen}
        optionId={optionId}
        loading={replies.isPending}
        onPick={insert}
      />
    ) : null,
  };
}

function SavedReplyList({
  id,
  matches,
  chosen,
  optionId,
  loading,
  onPick,
}: {
  id: string;
  matches: CannedReply[];
  chosen: number;
  optionId: (index: number) => string;
  loading: boolean;
  onPick: (reply: CannedReply) => void;
}) {
  const t = useTranslations("replies");
  return (
    <div className="absolute inset-x-0 bottom-full z-20 mb-1 max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <div id={id} role="listbox" aria-label={t("pickerLabel")} className="py-1">
        {matches.map((reply, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the textbox keeps the focus and its keys choose (aria-activedescendant); a click also picks
          <div
            key={reply.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === chosen}
            // Keeps the textbox focused, so typing goes on where it was.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(reply)}
            className="cursor-pointer px-3 py-1.5 text-sm aria-selected:bg-blue-100 touch:min-h-11 dark:aria-selected:bg-blue-950"
          >
            <span className="font-medium">{reply.title}</span>
            {reply.shortcut && (
              <span className="ms-2 font-mono text-slate-600 text-xs dark:text-slate-400">/{reply.shortcut}</span>
            )}
            <span className="block truncate text-slate-600 text-xs dark:text-slate-400">{reply.text}</span>
          </div>
        ))}
      </div>
      {!loading && matches.length === 0 && (
        <p className="px-3 py-2 text-slate-600 text-sm dark:text-slate-400">{t("pickerEmpty")}</p>
      )}
      <Link
        href="/replies"
        className="block border-slate-200 border-t px-3 py-1.5 text-blue-700 text-xs hover:underline dark:border-slate-800 dark:text-blue-300"
      >
        {t("manage")}
      </Link>
    </div>
  );
}
