import { ZCreateConnectionRequest } from "@/lib/admin/connections/connections.types";
import { createConnection, listAdminConnections } from "@/lib/admin/connections/manage-connections";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession({ role: "admin" }, () => listAdminConnections(db()));

/** Tests, then saves (422 with the reason when the test fails, unless `saveUntested`). */
export const POST = withSession(
  { role: "admin", body: ZCreateConnectionRequest, maxBodyBytes: 64 * 1024 },
  ({ session, body }) => createConnection(db(), session, body),
);
