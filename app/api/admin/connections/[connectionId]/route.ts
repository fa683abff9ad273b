import { z } from "zod";
import { ZDeleteConnectionQuery, ZUpdateConnectionRequest } from "@/lib/admin/connections/connections.types";
import { deleteConnection, updateConnection } from "@/lib/admin/connections/manage-connections";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const ZParams = z.object({ connectionId: z.uuid() });

export const PATCH = withSession(
  { role: "admin", params: ZParams, body: ZUpdateConnectionRequest, maxBodyBytes: 64 * 1024 },
  ({ session, params, body }) => updateConnection(db(), session, params.connectionId, body),
);

/** `?chats=delete` also removes its cached chats; by default they are kept, hidden. */
export const DELETE = withSession(
  { role: "admin", params: ZParams, query: ZDeleteConnectionQuery },
  ({ session, params, query }) => deleteConnection(db(), session, params.connectionId, query.chats),
);
