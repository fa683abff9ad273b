import { withSession } from "@/lib/api/handler";
import { lookupByLink, ZLinkLookupRequest } from "@/lib/chats/lookup";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ body: ZLinkLookupRequest }, ({ body, session }) =>
  lookupByLink(db(), session.userId, body),
);
