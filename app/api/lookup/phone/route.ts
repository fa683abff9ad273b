import { withSession } from "@/lib/api/handler";
import { lookupByPhone } from "@/lib/chats/lookup";
import { ZPhoneLookupRequest } from "@/lib/chats/lookup.types";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ body: ZPhoneLookupRequest }, ({ body, session }) =>
  lookupByPhone(db(), session.userId, body),
);
