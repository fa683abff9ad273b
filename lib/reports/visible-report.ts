import type { StaffSession } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReportQuery, TeamReport } from "@/lib/reports/report.types";
import { teamReport } from "@/lib/reports/team-report";

/**
 * The report as the viewer may see it: admins everything; agents the team's figures and, among the
 * agents, their own row only (and only their own chats when they filter by agent).
 */
export async function visibleReport(
  db: Db,
  session: Pick<StaffSession, "userId" | "role">,
  query: ReportQuery,
  now = new Date(),
): Promise<TeamReport> {
  const isAdmin = session.role === "admin";
  if (!isAdmin && query.agent && query.agent !== session.userId) {
    throw new AppError("FORBIDDEN", "Agents see the team's figures and their own");
  }
  const report = await teamReport(db, query, now);
  return isAdmin ? report : { ...report, agents: report.agents.filter((row) => row.agentId === session.userId) };
}
