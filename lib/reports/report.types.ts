import { z } from "zod";
import { ZTimeZone } from "@/lib/workflow/set-status.types";

export const REPORT_PERIODS = ["today", "7d", "30d", "custom"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The longest custom period, in days. */
export const LONGEST_REPORT_DAYS = 366;

const ZLocalDate = z.iso.date();

/** What the reports page asks for; also the query string of its routes. */
export const ZReportQuery = z
  .object({
    period: z.enum(REPORT_PERIODS).default("7d"),
    /** First and last local day (inclusive) of a custom period. */
    from: ZLocalDate.optional(),
    to: ZLocalDate.optional(),
    timeZone: ZTimeZone.default("UTC"),
    connection: z.uuid().optional(),
    agent: z.string().min(1).max(100).optional(),
  })
  .refine((query) => query.period !== "custom" || (query.from && query.to && query.from <= query.to), {
    message: "A custom period needs a first and a last day, in order",
  });
export type ReportQuery = z.infer<typeof ZReportQuery>;

export const REPORT_TABLES = ["summary", "days", "agents", "connections", "heatmap"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** The CSV export's query: the report's, and which table. */
export const ZReportCsvQuery = ZReportQuery.and(z.object({ table: z.enum(REPORT_TABLES) }));

/** Durations are whole or fractional seconds; null when there is nothing to measure. */
export type DurationStats = { count: number; medianSeconds: number | null; p90Seconds: number | null };

export type ReportDay = { date: string; conversationsStarted: number; customerMessages: number; repliesSent: number };

export type ReportAgentRow = {
  /** Null for replies sent outside the inbox (from the provider's own app). */
  agentId: string | null;
  name: string | null;
  replies: number;
  chatsHandled: number;
  firstResponse: DurationStats;
};

export type ReportConnectionRow = {
  connectionId: string;
  name: string;
  kind: string;
  conversationsStarted: number;
  customerMessages: number;
  repliesSent: number;
};

/** Customer messages per ISO weekday (1 = Monday) and hour (0-23), in the viewer's time zone. */
export type ReportHeatCell = { weekday: number; hour: number; customerMessages: number };

export type TeamReport = {
  period: { from: string; to: string; timeZone: string; start: string; end: string };
  totals: { conversationsStarted: number; customerMessages: number; repliesSent: number };
  firstResponse: DurationStats & { unanswered: number };
  resolution: DurationStats;
  days: ReportDay[];
  agents: ReportAgentRow[];
  connections: ReportConnectionRow[];
  heatMap: ReportHeatCell[];
};
