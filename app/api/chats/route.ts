import { withSession } from "@/lib/api/handler";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession({ query: ZListChatsQuery }, ({ query, session }) =>
  listChats(db(), query, { userId: session.userId }),
);
