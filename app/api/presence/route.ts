import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listPresence } from "@/lib/presence/list-presence";

export const dynamic = "force-dynamic";

/** Who has which chat open right now; changes then arrive over /api/events. */
export const GET = withSession(() => listPresence(db()));
