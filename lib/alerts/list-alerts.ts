import { type OutageAlert, RECOVERED_SHOWN_MS } from "@/lib/alerts/alerts.types";
import { problemOf } from "@/lib/alerts/plain-error";
import type { DbClient } from "@/lib/db";

/**
 * The open outage alerts, and the ones that recovered in the last few minutes (the banner says
 * "back after 12 min" before it goes), of connections still in use. Few rows: an index on closed_at.
 */
export async function listAlerts(prisma: DbClient): Promise<OutageAlert[]> {
  const rows = await prisma.connectionAlert.findMany({
    where: {
      connection: { deletedAt: null },
      OR: [
        { closedAt: null },
        { closedAt: { gte: new Date(Date.now() - RECOVERED_SHOWN_MS) }, resolution: "recovered" },
      ],
    },
    orderBy: { startedAt: "asc" },
    select: {
      id: true,
      connectionId: true,
      cause: true,
      error: true,
      startedAt: true,
      closedAt: true,
      durationSeconds: true,
      connection: { select: { displayName: true, kind: true, lastError: true } },
    },
  });
  return rows.map((row) => {
    // While it is open, the connection's newest error says more than the one it opened with.
    const error = row.closedAt === null ? (row.connection.lastError ?? row.error) : row.error;
    return {
      id: String(row.id),
      connectionId: row.connectionId,
      connectionName: row.connection.displayName,
      provider: row.connection.kind,
      cause: row.cause === "degraded" ? "degraded" : "down",
      problem: problemOf(error),
      error,
      since: row.startedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      durationSeconds: row.durationSeconds,
    };
  });
}
