import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { assignChat } from "@/lib/assignment/assign-chat";
import { ZAssignChatRequest } from "@/lib/assignment/assign-chat.types";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Gives the chat to a teammate (`assigneeId`), or to nobody (`null`). */
export const POST = withSession({ params: ZChatParams, body: ZAssignChatRequest }, ({ params, body, session }) =>
  assignChat(db(), { chatId: params.chatId, actorId: session.userId, assigneeId: body.assigneeId }),
);
