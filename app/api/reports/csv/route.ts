import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { serverTranslator } from "@/lib/i18n/server";
import { ZReportCsvQuery } from "@/lib/reports/report.types";
import { type CsvLabels, reportCsv } from "@/lib/reports/report-csv";
import { visibleReport } from "@/lib/reports/visible-report";

export const dynamic = "force-dynamic";

/** The report's query and `table=summary|days|agents|connections|heatmap`: that table as a CSV download. */
export const GET = withSession({ query: ZReportCsvQuery }, async ({ query, session }) => {
  const report = await visibleReport(db(), session, query);
  const t = await serverTranslator("reports");
  const labels = Object.fromEntries(
    Object.entries(CSV_COLUMNS).map(([key, message]) => [key, t(message)]),
  ) as CsvLabels;
  const name = `report-${query.table}-${report.period.from}-${report.period.to}.csv`;
  return new Response(`\uFEFF${reportCsv(report, query.table, labels)}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` },
  });
});

const CSV_COLUMNS: Record<keyof CsvLabels, Parameters<Awaited<ReturnType<typeof serverTranslator<"reports">>>>[0]> = {
  date: "colDate",
  conversationsStarted: "conversationsStarted",
  customerMessages: "customerMessages",
  repliesSent: "repliesSent",
  agent: "colAgent",
  chatsHandled: "chatsHandled",
  firstResponseCount: "colFirstResponseCount",
  firstResponseMedian: "colFirstResponseMedian",
  firstResponseP90: "colFirstResponseP90",
  connection: "colConnection",
  provider: "colProvider",
  weekday: "colWeekday",
  hour: "colHour",
  figure: "colFigure",
  value: "colValue",
  outsideInbox: "outsideInbox",
  unanswered: "unanswered",
  resolutionCount: "colResolutionCount",
  resolutionMedian: "colResolutionMedian",
  resolutionP90: "colResolutionP90",
};
