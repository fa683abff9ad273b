import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { markChatUnread } from "@/lib/chats/mark-unread";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ params: ZChatParams }, ({ params, session }) =>
  markChatUnread(db(), { chatId: params.chatId, userId: session.userId }),
);
