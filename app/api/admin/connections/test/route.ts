import { ZConnectionInput } from "@/lib/admin/connections/connections.types";
import { testUnsavedConnection } from "@/lib/admin/connections/manage-connections";
import { withSession } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** Tests values before they are saved; nothing is stored. */
export const POST = withSession({ role: "admin", body: ZConnectionInput, maxBodyBytes: 64 * 1024 }, ({ body }) =>
  testUnsavedConnection(body),
);
