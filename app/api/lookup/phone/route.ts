import { withSession } from "@/lib/api/handler";
import { lookupByPhone, ZPhoneLookupRequest } from "@/lib/chats/lookup";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ body: ZPhoneLookupRequest }, ({ body, session }) =>
  lookupByPhone(db(), session.userId, body),
);
