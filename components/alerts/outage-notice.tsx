"use client";

import { useMemo } from "react";
import { useTranslations } from "use-intl";
import type { OutageAlert } from "@/lib/alerts/alerts.types";
import { useOutageAlerts } from "@/lib/queries/alerts";

/** The open outage alerts by connection id. */
export function useOpenOutages(): Map<string, OutageAlert> {
  const { data } = useOutageAlerts();
  return useMemo(
    () => new Map((data ?? []).filter((alert) => alert.closedAt === null).map((alert) => [alert.connectionId, alert])),
    [data],
  );
}

/** What agents read in the chat list while a connection has an outage alert: when it began, and what it means for them. */
export function OutageNotice({ alert }: { alert: OutageAlert | undefined }) {
  const t = useTranslations("alerts");
  if (!alert) return null;
  return (
    <span data-testid="outage-notice">{t("notice", { name: alert.connectionName, since: new Date(alert.since) })}</span>
  );
}
