import { listAlerts } from "@/lib/alerts/list-alerts";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Open outage alerts and the recently recovered ones, for the admins' banner and the agents' notice. */
export const GET = withSession(() => listAlerts(db()));
