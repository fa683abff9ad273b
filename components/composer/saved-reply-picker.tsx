"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "use-intl";
import { useTextCombobox } from "@/components/composer/text-combobox";
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
 * `/` at the start of an empty draft opens the saved replies; picking one puts its text in the
 * draft with its variables filled, to edit before sending.
 */
export function useSavedReplyPicker({
  chatId,
  text,
  setText,
  enabled,
}: {
  chatId: number;
  text: string;
  setText: (text: string) => void;
  enabled: boolean;
}) {
  const t = useTranslations("replies");
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const query = enabled ? savedReplyQuery(text) : null;
  const replies = useCannedReplies();
  return useTextCombobox({
    wanted: query !== null,
    text,
    items: query === null ? [] : matchReplies(replies.data ?? [], query),
    itemKey: (reply) => reply.id,
    label: t("pickerLabel"),
    onPick: (reply) => {
      const chatTitle = queryClient.getQueryData<ChatDetail>(chatKeys.detail(chatId))?.title ?? "";
      setText(fillVariables(reply.text, { customerName: chatTitle || null, agentName: user.name, chatTitle }));
    },
    renderItem: (reply) => (
      <>
        <span className="font-medium">{reply.title}</span>
        {reply.shortcut && (
          <span className="ms-2 font-mono text-slate-600 text-xs dark:text-slate-400">/{reply.shortcut}</span>
        )}
        <span className="block truncate text-slate-600 text-xs dark:text-slate-400">{reply.text}</span>
      </>
    ),
    empty: replies.isPending ? null : (
      <p className="px-3 py-2 text-slate-600 text-sm dark:text-slate-400">{t("pickerEmpty")}</p>
    ),
    footer: (
      <Link
        href="/replies"
        className="block border-slate-200 border-t px-3 py-1.5 text-blue-700 text-xs hover:underline dark:border-slate-800 dark:text-blue-300"
      >
        {t("manage")}
      </Link>
    ),
  });
}
