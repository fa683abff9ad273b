import { ZAuditQuery } from "@/lib/admin/audit/audit.types";
import { listAudit } from "@/lib/admin/audit/list-audit";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** `?user=&action=&chat=&from=&to=&cursor=&limit=`: newest first. */
export const GET = withSession({ role: "admin", query: ZAuditQuery }, ({ query, request }) =>
  listAudit(db(), query, new URL(request.url).searchParams.get("to") ?? undefined),
);
