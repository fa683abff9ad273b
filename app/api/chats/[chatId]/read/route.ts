import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { markChatRead } from "@/lib/chats/mark-read";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = withSession<{ chatId: string }>(({ params, session }) =>
  markChatRead(db(), { chatId: positiveId(params.chatId, "Chat"), userId: session.userId }),
);
