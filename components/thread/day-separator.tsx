"use client";

import { useFormatter, useNow, useTranslations } from "use-intl";

/** "Today", "Yesterday" or the date, between the messages of two days (a heading, to jump between days). */
export function DaySeparator({ day, at }: { day: string; at: string }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  const now = useNow();
  const date = new Date(at);
  const daysAgo = Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000);
  const label =
    daysAgo === 0
      ? t("today")
      : daysAgo === 1
        ? t("yesterday")
        : format.dateTime(date, {
            weekday: daysAgo < 7 ? "long" : undefined,
            day: "numeric",
            month: "long",
            year: date.getFullYear() === now.getFullYear() ? undefined : "numeric",
          });
  return (
    <div className="flex items-center gap-3 px-4 py-2" data-day={day}>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
      <h2 className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium text-slate-700 text-xs dark:bg-slate-800 dark:text-slate-300">
        {label}
      </h2>
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
