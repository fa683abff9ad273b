"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { type OutageAlert, type OutageProblem, RECOVERED_SHOWN_MS } from "@/lib/alerts/alerts.types";
import { useOutageAlerts } from "@/lib/queries/alerts";
import { useSettings } from "@/lib/queries/settings";

const DISMISSED_KEY = "inbox.dismissedOutageAlerts";

const PROBLEM_KEYS = {
  refused: "problemRefused",
  rate_limited: "problemRateLimited",
  provider_error: "problemProviderError",
  timeout: "problemTimeout",
  unreachable: "problemUnreachable",
  other: "problemOther",
} as const satisfies Record<OutageProblem, string>;

function readDismissed(): string[] {
  try {
    const stored = JSON.parse(window.localStorage.getItem(DISMISSED_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** The recovered alerts an admin closed stay closed in this browser (only the newest few ids are kept). */
function useDismissed(): [Set<string>, (id: string) => void] {
  const [dismissed, setDismissed] = useState<string[]>([]);
  useEffect(() => setDismissed(readDismissed()), []);
  const dismiss = (id: string) => {
    const next = [...readDismissed().filter((kept) => kept !== id), id].slice(-50);
    window.localStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
    setDismissed(next);
  };
  return [new Set(dismissed), dismiss];
}

/** Ticks every half minute so a recovered alert goes once its time is up, without a refetch. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * One browser notification per alert that opens while the page is open (never for the ones already
 * open when it loaded: the banner shows those), if the admin turned notifications on in Settings.
 */
function useOutageNotifications(alerts: OutageAlert[] | undefined) {
  const t = useTranslations("alerts");
  const desktop = useSettings().data?.notifyDesktop ?? false;
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!alerts) return;
    const open = alerts.filter((alert) => alert.closedAt === null);
    if (known.current === null) {
      known.current = new Set(open.map((alert) => alert.id));
      return;
    }
    const fresh = open.filter((alert) => !known.current?.has(alert.id));
    for (const alert of fresh) known.current.add(alert.id);
    if (!desktop || fresh.length === 0 || !("Notification" in window) || Notification.permission !== "granted") return;
    for (const alert of fresh) {
      const body = t(PROBLEM_KEYS[alert.problem]);
      // The tag keeps it to one notification per alert across this admin's tabs.
      const notification = new Notification(t("notificationTitle", { name: alert.connectionName }), {
        body: alert.error ? `${body}\n${alert.error}` : body,
        tag: `outage-${alert.id}`,
      });
      notification.onclick = () => {
        window.focus();
        notification.close();
      };
    }
  }, [alerts, desktop, t]);
}

export function durationText(t: ReturnType<typeof useTranslations<"alerts">>, seconds: number): string {
  if (seconds < 60) return t("durationUnderMinute");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t("durationMinutes", { minutes });
  return t("durationHours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * For admins, on every page of the app: each connection that is down (or degraded past the
 * threshold) with the provider's last error in plain words; once it recovers, "back after 12 min"
 * until dismissed or a quarter of an hour has passed.
 */
export function OutageBanner() {
  const t = useTranslations("alerts");
  const { data } = useOutageAlerts();
  const [dismissed, dismiss] = useDismissed();
  const now = useNow();
  useOutageNotifications(data);
  const shown = (data ?? []).filter(
    (alert) =>
      alert.closedAt === null || (!dismissed.has(alert.id) && now - Date.parse(alert.closedAt) < RECOVERED_SHOWN_MS),
  );
  if (shown.length === 0) return null;
  return (
    <section aria-label={t("bannerLabel")} className="shrink-0 space-y-px text-sm">
      {shown.map((alert) =>
        alert.closedAt === null ? (
          <div
            key={alert.id}
            role="alert"
            className="bg-red-700 px-4 py-1.5 text-white dark:bg-red-800"
            data-alert-id={alert.id}
          >
            <span className="font-medium">
              {t(alert.cause === "down" ? "down" : "degraded", {
                name: alert.connectionName,
                since: new Date(alert.since),
                problem: t(PROBLEM_KEYS[alert.problem]),
              })}
            </span>
            {alert.error && <span className="ml-2 opacity-90">{t("providerSaid", { error: alert.error })}</span>}
          </div>
        ) : (
          <div
            key={alert.id}
            role="status"
            className="flex items-center justify-between gap-3 bg-emerald-700 px-4 py-1.5 text-white dark:bg-emerald-800"
            data-alert-id={alert.id}
          >
            <span>
              {t("recovered", { name: alert.connectionName, duration: durationText(t, alert.durationSeconds ?? 0) })}
            </span>
            <button
              type="button"
              onClick={() => dismiss(alert.id)}
              className="rounded px-2 py-0.5 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white"
            >
              {t("dismiss")}
            </button>
          </div>
        ),
      )}
    </section>
  );
}
