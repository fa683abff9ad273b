"use client";

import { useId } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { HealthDot } from "@/components/inbox/connection-health";
import { ProviderIcon } from "@/components/inbox/provider-icon";
import { Skeleton } from "@/components/ui/skeleton";
import { type FilterControlProps, hasFilters, NO_FILTERS } from "@/lib/queries/chat-filters";
import { useConnections } from "@/lib/queries/connections";
import { useUnreadCounts } from "@/lib/queries/counts";

const chip =
  "inline-flex items-center gap-1.5 rounded-full border px-2 py-1 text-xs font-medium touch:min-h-11 touch:px-3 transition-colors focus-visible:outline-2 focus-visible:outline-blue-500 focus-visible:outline-offset-1";
const chipOff =
  "border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
const chipOn = "border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950";

/** Connection chips with their unread counts, "Unread only" and the status choice. */
export function ChatFilterBar({ filters, onChange }: FilterControlProps) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const statusId = useId();
  const connections = useConnections();
  const counts = useUnreadCounts();

  const toggleConnection = (id: string) =>
    onChange({
      connections: filters.connections.includes(id)
        ? filters.connections.filter((other) => other !== id)
        : [...filters.connections, id],
    });

  return (
    <div className="space-y-2">
      <fieldset className="grid min-h-7 grid-cols-2 gap-1.5">
        <legend className="sr-only">{t("filterByProvider")}</legend>
        {connections.isPending && <Skeleton className="col-span-2 h-7 rounded-full" />}
        {connections.data?.map((connection) => {
          const unread = counts.data?.byConnection[connection.id]?.unread ?? 0;
          const pressed = filters.connections.includes(connection.id);
          return (
            <button
              key={connection.id}
              type="button"
              aria-pressed={pressed}
              title={connection.displayName}
              onClick={() => toggleConnection(connection.id)}
              className={`${chip} min-w-0 ${pressed ? chipOn : chipOff}`}
            >
              <ProviderIcon kind={connection.kind} className="size-4" />
              <span className="min-w-0 flex-1 truncate text-left">{connection.displayName}</span>
              <HealthDot health={connection.health} />
              {unread > 0 && (
                <>
                  <span
                    aria-hidden="true"
                    className={`rounded-full px-1.5 tabular-nums ${pressed ? "bg-white/25" : "bg-slate-200 dark:bg-slate-700"}`}
                  >
                    {format.number(unread)}
                  </span>
                  <span className="sr-only">{t("unreadBadge", { count: unread })}</span>
                </>
              )}
            </button>
          );
        })}
      </fieldset>
      <div className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          aria-pressed={filters.unread}
          onClick={() => onChange({ unread: !filters.unread })}
          className={`${chip} ${filters.unread ? chipOn : chipOff}`}
        >
          {t("unreadOnly")}
        </button>
        <button
          type="button"
          aria-pressed={filters.needsReply}
          onClick={() => onChange({ needsReply: !filters.needsReply })}
          className={`${chip} ${filters.needsReply ? chipOn : chipOff}`}
        >
          {t("needsReply")}
        </button>
        <label htmlFor={statusId} className="sr-only">
          {t("status")}
        </label>
        <select
          id={statusId}
          value={filters.status ?? ""}
          onChange={(event) => {
            const status = event.target.value;
            onChange({ status: status === "open" || status === "closed" ? status : null });
          }}
          className="rounded-full border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800 text-xs touch:min-h-11 touch:px-3 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <option value="">{t("statusAll")}</option>
          <option value="open">{t("statusOpen")}</option>
          <option value="closed">{t("statusClosed")}</option>
        </select>
        {hasFilters(filters) && (
          <button
            type="button"
            onClick={() => onChange(NO_FILTERS)}
            className="ml-auto rounded px-1 text-blue-700 text-xs touch:min-h-11 touch:px-2 underline-offset-2 hover:underline dark:text-blue-300"
          >
            {t("clearFilters")}
          </button>
        )}
      </div>
    </div>
  );
}
