import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { closeChat } from "@/lib/chats/close-chat";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ params: ZChatParams }, ({ params, session }) =>
  closeChat(db(), { chatId: params.chatId, userId: session.userId }),
);
