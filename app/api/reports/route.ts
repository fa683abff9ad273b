import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { ZReportQuery } from "@/lib/reports/report.types";
import { visibleReport } from "@/lib/reports/visible-report";

export const dynamic = "force-dynamic";

/** `?period=today|7d|30d|custom&from=&to=&timeZone=&connection=&agent=`: the team report (docs/reports.md). */
export const GET = withSession({ query: ZReportQuery }, ({ query, session }) => visibleReport(db(), session, query));
