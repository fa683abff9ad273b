"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { BarChart } from "@/components/reports/bar-chart";
import { ChartSection } from "@/components/reports/chart-section";
import { HeatMap } from "@/components/reports/heat-map";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useConnections } from "@/lib/queries/connections";
import { reportParams, useReport } from "@/lib/queries/reports";
import { useStaff } from "@/lib/queries/views";
import { REPORT_PERIODS, type ReportPeriod, type ReportTable, type TeamReport } from "@/lib/reports/report.types";

type Translate = ReturnType<typeof useTranslations<"reports">>;

const PERIOD_LABEL = { today: "periodToday", "7d": "period7d", "30d": "period30d", custom: "periodCustom" } as const;

function duration(t: Translate, seconds: number | null): string {
  if (seconds === null) return t("noValue");
  const whole = Math.round(seconds);
  if (whole < 60) return t("seconds", { value: whole });
  if (whole < 3600) return t("minutes", { minutes: Math.floor(whole / 60), seconds: whole % 60 });
  if (whole < 86_400) return t("hours", { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60) });
  return t("days", { days: Math.floor(whole / 86_400), hours: Math.floor((whole % 86_400) / 3600) });
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <dt className="text-slate-600 text-xs dark:text-slate-300">{label}</dt>
      <dd className="font-semibold text-xl tabular-nums">{value}</dd>
      {detail && <dd className="text-slate-500 text-xs">{detail}</dd>}
    </div>
  );
}

/** The reports page: period, filters, headline figures, charts with table views and CSV, definitions. */
export function ReportsView({ isAdmin, userId }: { isAdmin: boolean; userId: string }) {
  const t = useTranslations("reports");
  const [timeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const [period, setPeriod] = useState<ReportPeriod>("7d");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [connection, setConnection] = useState("");
  const [agent, setAgent] = useState("");
  const customReady = period !== "custom" || (from !== "" && to !== "" && from <= to);
  const filters: Record<string, string> = {
    period: customReady ? period : "7d",
    timeZone,
    connection,
    agent,
    ...(period === "custom" && customReady ? { from, to } : {}),
  };
  const report = useReport(filters);
  const { data: connections } = useConnections();
  const { data: staff } = useStaff();
  const csv = (table: ReportTable) => `/api/reports/csv?${reportParams({ ...filters, table })}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-semibold text-xl">{t("title")}</h1>
          <p className="text-slate-500 text-xs">{t("timeZoneNote", { timeZone })}</p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <fieldset className="flex gap-1">
            <legend className="sr-only">{t("period")}</legend>
            {REPORT_PERIODS.map((choice) => (
              <Button
                key={choice}
                size="sm"
                variant={period === choice ? "primary" : "secondary"}
                aria-pressed={period === choice}
                onClick={() => setPeriod(choice)}
              >
                {t(PERIOD_LABEL[choice])}
              </Button>
            ))}
          </fieldset>
          {period === "custom" && (
            <>
              <label className="flex flex-col text-xs">
                {t("from")}
                <Input
                  type="date"
                  value={from}
                  max={to || undefined}
                  onChange={(event) => setFrom(event.target.value)}
                />
              </label>
              <label className="flex flex-col text-xs">
                {t("to")}
                <Input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
              </label>
            </>
          )}
          <label className="flex flex-col text-xs">
            {t("connection")}
            <Select value={connection} onChange={(event) => setConnection(event.target.value)}>
              <option value="">{t("allConnections")}</option>
              {connections?.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.displayName}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col text-xs">
            {t("agent")}
            <Select value={agent} onChange={(event) => setAgent(event.target.value)}>
              <option value="">{t("wholeTeam")}</option>
              {isAdmin ? (
                staff?.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))
              ) : (
                <option value={userId}>{t("myChats")}</option>
              )}
            </Select>
          </label>
        </div>
      </div>
      {report.isError && !report.data ? (
        <ErrorState title={t("loadFailed")} error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <Skeleton className="h-64" />
      ) : (
        <ReportBody report={report.data} t={t} csv={csv} />
      )}
      <section className="text-slate-700 text-sm dark:text-slate-300">
        <h2 className="mb-1 font-semibold">{t("definitionsTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          {(
            [
              "defPeriod",
              "defMessages",
              "defStarted",
              "defFirstResponse",
              "defResolution",
              "defAgents",
              "defAgentsOwn",
            ] as const
          ).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ReportBody({ report, t, csv }: { report: TeamReport; t: Translate; csv: (table: ReportTable) => string }) {
  const counts = [
    { key: "conversationsStarted", label: t("conversationsStarted") },
    { key: "customerMessages", label: t("customerMessages") },
    { key: "repliesSent", label: t("repliesSent") },
  ];
  const weekdays = t("weekdays").split(",");
  const agentName = (row: TeamReport["agents"][number]) =>
    row.agentId === null ? t("outsideInbox") : (row.name ?? row.agentId);
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <Figure label={t("conversationsStarted")} value={String(report.totals.conversationsStarted)} />
        <Figure label={t("customerMessages")} value={String(report.totals.customerMessages)} />
        <Figure label={t("repliesSent")} value={String(report.totals.repliesSent)} />
        <Figure label={t("unanswered")} value={String(report.firstResponse.unanswered)} />
        <Figure
          label={`${t("firstResponse")} · ${t("median")}`}
          value={duration(t, report.firstResponse.medianSeconds)}
          detail={t("measured", { count: report.firstResponse.count })}
        />
        <Figure label={`${t("firstResponse")} · ${t("p90")}`} value={duration(t, report.firstResponse.p90Seconds)} />
        <Figure
          label={`${t("resolution")} · ${t("median")}`}
          value={duration(t, report.resolution.medianSeconds)}
          detail={t("measured", { count: report.resolution.count })}
        />
        <Figure label={`${t("resolution")} · ${t("p90")}`} value={duration(t, report.resolution.p90Seconds)} />
      </dl>
      <div className="flex justify-end">
        <a className="text-blue-700 text-xs underline dark:text-blue-300" href={csv("summary")} download>
          {t("exportCsv")}
        </a>
      </div>
      <ChartSection
        title={t("perDay")}
        csvHref={csv("days")}
        columns={[{ key: "date", label: t("colDate") }, ...counts.map((column) => ({ ...column, numeric: true }))]}
        rows={report.days}
        chart={
          <BarChart series={counts} rows={report.days.map((day) => ({ label: day.date.slice(5), values: day }))} />
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartSection
          title={t("perAgent")}
          csvHref={csv("agents")}
          columns={[
            { key: "name", label: t("colAgent") },
            { key: "replies", label: t("repliesSent"), numeric: true },
            { key: "chatsHandled", label: t("chatsHandled"), numeric: true },
            { key: "median", label: t("medianFirstResponse"), numeric: true },
          ]}
          rows={report.agents.map((row) => ({
            name: agentName(row),
            replies: row.replies,
            chatsHandled: row.chatsHandled,
            median: duration(t, row.firstResponse.medianSeconds),
          }))}
          chart={
            <BarChart
              series={[
                { key: "replies", label: t("repliesSent") },
                { key: "chatsHandled", label: t("chatsHandled") },
              ]}
              rows={report.agents.map((row) => ({
                label: agentName(row),
                values: { replies: row.replies, chatsHandled: row.chatsHandled },
              }))}
            />
          }
        />
        <ChartSection
          title={t("perConnection")}
          csvHref={csv("connections")}
          columns={[
            { key: "name", label: t("colConnection") },
            { key: "kind", label: t("colProvider") },
            ...counts.map((column) => ({ ...column, numeric: true })),
          ]}
          rows={report.connections}
          chart={
            <BarChart series={counts} rows={report.connections.map((row) => ({ label: row.name, values: row }))} />
          }
        />
      </div>
      <ChartSection
        title={t("heatMap")}
        hint={t("heatMapHint")}
        csvHref={csv("heatmap")}
        columns={[
          { key: "weekday", label: t("colWeekday") },
          { key: "hour", label: t("colHour"), numeric: true },
          { key: "customerMessages", label: t("customerMessages"), numeric: true },
        ]}
        rows={[...report.heatMap]
          .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour)
          .map((cell) => ({
            weekday: weekdays[cell.weekday - 1] ?? String(cell.weekday),
            hour: cell.hour,
            customerMessages: cell.customerMessages,
          }))}
        chart={<HeatMap cells={report.heatMap} weekdays={weekdays} />}
      />
    </>
  );
}
