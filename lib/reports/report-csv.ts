import type { ReportTable, TeamReport } from "@/lib/reports/report.types";

type Cell = string | number | null;

/** One CSV field: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
function field(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const lines = (rows: Cell[][]) => `${rows.map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;

/** Column headings and the name of replies sent outside the inbox, in the viewer's language. */
export type CsvLabels = Record<
  | "date"
  | "conversationsStarted"
  | "customerMessages"
  | "repliesSent"
  | "agent"
  | "chatsHandled"
  | "firstResponseCount"
  | "firstResponseMedian"
  | "firstResponseP90"
  | "connection"
  | "provider"
  | "weekday"
  | "hour"
  | "figure"
  | "value"
  | "outsideInbox"
  | "unanswered"
  | "resolutionCount"
  | "resolutionMedian"
  | "resolutionP90",
  string
>;

/** A table of the report as CSV (durations in seconds). */
export function reportCsv(report: TeamReport, table: ReportTable, label: CsvLabels): string {
  switch (table) {
    case "summary":
      return lines([
        [label.figure, label.value],
        [label.conversationsStarted, report.totals.conversationsStarted],
        [label.customerMessages, report.totals.customerMessages],
        [label.repliesSent, report.totals.repliesSent],
        [label.firstResponseCount, report.firstResponse.count],
        [label.firstResponseMedian, report.firstResponse.medianSeconds],
        [label.firstResponseP90, report.firstResponse.p90Seconds],
        [label.unanswered, report.firstResponse.unanswered],
        [label.resolutionCount, report.resolution.count],
        [label.resolutionMedian, report.resolution.medianSeconds],
        [label.resolutionP90, report.resolution.p90Seconds],
      ]);
    case "days":
      return lines([
        [label.date, label.conversationsStarted, label.customerMessages, label.repliesSent],
        ...report.days.map((day) => [day.date, day.conversationsStarted, day.customerMessages, day.repliesSent]),
      ]);
    case "agents":
      return lines([
        [label.agent, label.repliesSent, label.chatsHandled, label.firstResponseCount, label.firstResponseMedian],
        ...report.agents.map((row) => [
          row.agentId === null ? label.outsideInbox : (row.name ?? row.agentId),
          row.replies,
          row.chatsHandled,
          row.firstResponse.count,
          row.firstResponse.medianSeconds,
        ]),
      ]);
    case "connections":
      return lines([
        [label.connection, label.provider, label.conversationsStarted, label.customerMessages, label.repliesSent],
        ...report.connections.map((row) => [
          row.name,
          row.kind,
          row.conversationsStarted,
          row.customerMessages,
          row.repliesSent,
        ]),
      ]);
    case "heatmap":
      return lines([
        [label.weekday, label.hour, label.customerMessages],
        ...[...report.heatMap]
          .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour)
          .map((cell) => [cell.weekday, cell.hour, cell.customerMessages]),
      ]);
  }
}
