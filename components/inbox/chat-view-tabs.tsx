"use client";

import { useFormatter, useTranslations } from "use-intl";
import { CHAT_VIEWS } from "@/lib/chats/list-chats.types";
import type { FilterControlProps } from "@/lib/queries/chat-filters";
import { useViewCounts, viewCount } from "@/lib/queries/views";

const VIEW_LABELS = {
  all: "viewAll",
  mine: "viewMine",
  unassigned: "viewUnassigned",
  mentions: "viewMentions",
  undelivered: "viewUndelivered",
} as const;

/**
 * All, Mine, Unassigned and Mentions above the list, each with its live count under the connection
 * filter; Not delivered joins them while some message of ours did not reach its customer.
 */
export function ChatViewTabs({ filters, onChange }: FilterControlProps) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const counts = useViewCounts();
  return (
    <fieldset className="grid auto-cols-fr grid-flow-col gap-1 rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
      <legend className="sr-only">{t("views")}</legend>
      {CHAT_VIEWS.map((view) => {
        const pressed = filters.view === view;
        const count = counts.data ? viewCount(counts.data, view, filters) : null;
        if (view === "undelivered" && !pressed && !count) return null;
        return (
          <button
            key={view}
            type="button"
            aria-pressed={pressed}
            data-view={view}
            onClick={() => onChange({ view })}
            className={`flex min-w-0 items-center justify-center gap-1 rounded-md px-1 py-1 font-medium text-xs touch:min-h-11 focus-visible:outline-2 focus-visible:outline-blue-500 ${
              pressed
                ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-50"
                : "text-slate-700 hover:bg-white/60 dark:text-slate-200 dark:hover:bg-slate-900/60"
            }`}
          >
            <span className="truncate">{t(VIEW_LABELS[view])}</span>
            {count !== null && count > 0 && (
              <span
                data-testid={`view-count-${view}`}
                className={`rounded-full px-1 tabular-nums ${
                  view === "undelivered"
                    ? "bg-red-700 text-white dark:bg-red-400 dark:text-slate-950"
                    : "bg-slate-200 dark:bg-slate-700"
                }`}
              >
                {format.number(count)}
              </span>
            )}
          </button>
        );
      })}
    </fieldset>
  );
}
