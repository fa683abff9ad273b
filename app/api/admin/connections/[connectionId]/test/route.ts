import { z } from "zod";
import { testSavedConnection } from "@/lib/admin/connections/manage-connections";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const ZParams = z.object({ connectionId: z.uuid() });

/** One test call with the stored settings: `{ ok }` or `{ ok: false, problem, message }`. */
export const POST = withSession({ role: "admin", params: ZParams }, ({ params }) =>
  testSavedConnection(db(), params.connectionId),
);
