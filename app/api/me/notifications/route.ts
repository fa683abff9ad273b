import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/me/notifications";
import { ZNotificationsQuery } from "@/lib/me/notifications.types";

export const dynamic = "force-dynamic";

/** `?after=<cursor>`: the customer messages and mentions for this agent since the cursor, and the next cursor. */
export const GET = withSession({ query: ZNotificationsQuery }, ({ query, session }) =>
  listNotifications(db(), session.userId, query.after),
);
