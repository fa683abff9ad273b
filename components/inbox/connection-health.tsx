"use client";

import { useTranslations } from "use-intl";
import { OutageNotice, useOpenOutages } from "@/components/alerts/outage-notice";
import type { ConnectionSummary } from "@/lib/connections/list-connections";
import { useConnections } from "@/lib/queries/connections";

/** A provider in trouble: its chats are still shown, from the cache, and may be out of date. */
export const isStale = (connection: ConnectionSummary | undefined) =>
  connection?.health === "degraded" || connection?.health === "down";

/**
 * A visible notice per connection that is degraded or down, with the provider's last error; once
 * the trouble raised an outage alert, the quieter "unreachable since 10:42 — new messages may be late".
 */
export function ConnectionAlerts() {
  const t = useTranslations("inbox");
  const { data } = useConnections();
  const outages = useOpenOutages();
  const troubled = (data ?? []).filter(isStale);
  if (troubled.length === 0) return null;
  return (
    <ul aria-label={t("connectionProblems")} className="space-y-1 border-slate-200 border-b p-3 dark:border-slate-800">
      {troubled.map((connection) => (
        <li
          key={connection.id}
          className="rounded-md border border-amber-300 bg-amber-50 px-2.5 py-1.5 text-amber-950 text-xs dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {outages.has(connection.id) ? (
            <OutageNotice alert={outages.get(connection.id)} />
          ) : (
            <>
              <span className="font-semibold">{connection.displayName}</span>{" "}
              {connection.health === "down" ? t("connectionDown") : t("connectionDegraded")}
            </>
          )}
          {connection.lastError && <span className="block truncate opacity-90">{connection.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}

export function HealthDot({ health }: { health: ConnectionSummary["health"] }) {
  const t = useTranslations("inbox");
  if (health !== "degraded" && health !== "down") return null;
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden="true" className={`size-2 rounded-full ${health === "down" ? "bg-red-600" : "bg-amber-500"}`} />
      <span className="sr-only">{health === "down" ? t("healthDown") : t("healthDegraded")}</span>
    </span>
  );
}
