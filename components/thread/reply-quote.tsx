"use client";

import { useTranslations } from "use-intl";
import type { MessageView } from "@/lib/messages/list-messages";

export type ReplyTarget = NonNullable<MessageView["replyTo"]>;

/** The quoted message above a reply; clicking it scrolls to the original and highlights it. */
export function ReplyQuote({
  quote,
  outbound,
  onJump,
}: {
  quote: ReplyTarget;
  outbound: boolean;
  onJump: (target: ReplyTarget) => void;
}) {
  const t = useTranslations("thread");
  return (
    <button
      type="button"
      onClick={() => onJump(quote)}
      title={t("showOriginal")}
      className={`mb-1 block w-full rounded border-l-4 px-2 py-1 text-left text-xs touch:min-h-11 focus-visible:outline-2 focus-visible:outline-blue-500 ${
        outbound
          ? "border-white/70 bg-white/15 hover:bg-white/25"
          : "border-blue-600 bg-slate-200/70 hover:bg-slate-200 dark:border-blue-400 dark:bg-slate-700/60 dark:hover:bg-slate-700"
      }`}
    >
      <span className="block font-semibold">{quote.authorName ?? t("unknownAuthor")}</span>
      <span className="line-clamp-2 break-words">{quote.text ?? t("quotedWithoutText")}</span>
    </button>
  );
}
