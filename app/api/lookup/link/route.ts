import { withSession } from "@/lib/api/handler";
import { lookupByLink } from "@/lib/chats/lookup";
import { ZLinkLookupRequest } from "@/lib/chats/lookup.types";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ body: ZLinkLookupRequest }, ({ body, session }) =>
  lookupByLink(db(), session.userId, body),
);
