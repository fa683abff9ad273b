import { readJson, withSession } from "@/lib/api/handler";
import { lookupByLink, ZLinkLookupRequest } from "@/lib/chats/lookup";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession(async ({ request, session }) =>
  lookupByLink(db(), session.userId, ZLinkLookupRequest.parse(await readJson(request))),
);
