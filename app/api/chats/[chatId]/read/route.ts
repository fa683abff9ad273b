import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { markChatRead } from "@/lib/chats/mark-read";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession({ params: ZChatParams }, ({ params, session }) =>
  markChatRead(db(), { chatId: params.chatId, userId: session.userId }),
);
