import { withSession } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession(({ request }) => listChats(db(), parseQuery(request, ZListChatsQuery)));
