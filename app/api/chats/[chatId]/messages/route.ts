import { readJson, withSession } from "@/lib/api/handler";
import { parseQuery, positiveId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { ZListMessagesQuery } from "@/lib/messages/list-messages";
import { readThread } from "@/lib/messages/read-thread";
import { sendMessage, ZSendMessageRequest } from "@/lib/messages/send-message";

export const dynamic = "force-dynamic";

export const GET = withSession<{ chatId: string }>(({ request, params }) =>
  readThread(db(), positiveId(params.chatId, "Chat"), parseQuery(request, ZListMessagesQuery)),
);

export const POST = withSession<{ chatId: string }>(async ({ request, params, session }) =>
  sendMessage(db(), {
    chatId: positiveId(params.chatId, "Chat"),
    user: { id: session.userId, name: session.name },
    request: ZSendMessageRequest.parse(await readJson(request)),
  }),
);
