import { withSession } from "@/lib/api/handler";
import { viewCounts } from "@/lib/chats/view-counts";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The counts of the list's views (Mine, Unassigned, All, Needs reply, Mentions) for the caller. */
export const GET = withSession(({ session }) => viewCounts(db(), session.userId));
