import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { closeChat } from "@/lib/chats/close-chat";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession<{ chatId: string }>(({ params, session }) =>
  closeChat(db(), { chatId: positiveId(params.chatId, "Chat"), userId: session.userId }),
);
