import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { markChatUnread } from "@/lib/chats/mark-unread";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession<{ chatId: string }>(({ params, session }) =>
  markChatUnread(db(), { chatId: positiveId(params.chatId, "Chat"), userId: session.userId }),
);
