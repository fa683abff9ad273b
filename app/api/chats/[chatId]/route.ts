import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { getChat } from "@/lib/chats/get-chat";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession({ params: ZChatParams }, ({ params }) => getChat(db(), params.chatId));
