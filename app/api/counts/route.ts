import { withSession } from "@/lib/api/handler";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession(() => unreadCounts(db()));
