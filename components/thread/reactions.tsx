"use client";

import { useId } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { ReactionView } from "@/lib/messages/list-messages";

function ReactionChip({ reaction }: { reaction: ReactionView }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  const tooltipId = useId();
  // Some providers report who reacted only by an id: those are counted, not named.
  const unnamed = reaction.count - reaction.authors.length;
  const who =
    reaction.authors.length === 0
      ? t("reactedPeople", { count: reaction.count })
      : unnamed > 0
        ? t("reactedNamesAndOthers", { names: format.list(reaction.authors), count: unnamed })
        : format.list(reaction.authors);
  return (
    <li className="group relative">
      <button
        type="button"
        aria-describedby={tooltipId}
        className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs touch:min-h-11 touch:px-3 shadow-sm focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-700 dark:bg-slate-900"
      >
        <span>{reaction.emoji}</span>
        <span className="font-medium tabular-nums">{format.number(reaction.count)}</span>
      </button>
      <span
        role="tooltip"
        id={tooltipId}
        className="pointer-events-none invisible absolute bottom-full left-0 z-10 mb-1 w-max max-w-64 rounded bg-slate-900 px-2 py-1 text-white text-xs shadow-lg group-focus-within:visible group-hover:visible dark:bg-slate-100 dark:text-slate-900"
      >
        {t("reactedBy", { who })}
      </span>
    </li>
  );
}

/** Reactions under a bubble: emoji and count; who reacted shows on hover or focus. */
export function Reactions({ reactions, alignEnd }: { reactions: ReactionView[]; alignEnd: boolean }) {
  const t = useTranslations("thread");
  if (reactions.length === 0) return null;
  return (
    <ul aria-label={t("reactions")} className={`mt-1 flex flex-wrap gap-1 ${alignEnd ? "justify-end" : ""}`}>
      {reactions.map((reaction) => (
        <ReactionChip key={reaction.emoji} reaction={reaction} />
      ))}
    </ul>
  );
}
