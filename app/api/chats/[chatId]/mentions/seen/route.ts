import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { markMentionsSeen } from "@/lib/notes/mark-mentions-seen";

export const dynamic = "force-dynamic";

/** The caller opened the chat: it leaves their Mentions view. */
export const POST = withSession({ params: ZChatParams }, ({ params, session }) =>
  markMentionsSeen(db(), { chatId: params.chatId, userId: session.userId }),
);
