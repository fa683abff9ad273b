import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { ZListMessagesQuery } from "@/lib/messages/list-messages";
import { readThread } from "@/lib/messages/read-thread";
import { sendMessage } from "@/lib/messages/send-message";
import { ZSendMessageRequest } from "@/lib/messages/send-message.types";

export const dynamic = "force-dynamic";

export const GET = withSession({ params: ZChatParams, query: ZListMessagesQuery }, ({ params, query }) =>
  readThread(db(), params.chatId, query),
);

export const POST = withSession({ params: ZChatParams, body: ZSendMessageRequest }, ({ params, body, session }) =>
  sendMessage(db(), { chatId: params.chatId, user: { id: session.userId, name: session.name }, request: body }),
);
