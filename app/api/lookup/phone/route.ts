import { readJson, withSession } from "@/lib/api/handler";
import { lookupByPhone, ZPhoneLookupRequest } from "@/lib/chats/lookup";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession(async ({ request, session }) =>
  lookupByPhone(db(), session.userId, ZPhoneLookupRequest.parse(await readJson(request))),
);
