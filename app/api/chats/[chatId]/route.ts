import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { getChat } from "@/lib/chats/get-chat";
import { db } from "@/lib/db";
import { requestChatRefresh } from "@/lib/sync/refresh-chat";

export const dynamic = "force-dynamic";

export const GET = withSession<{ chatId: string }>(async ({ params }) => {
  const chat = await getChat(db(), positiveId(params.chatId, "Chat"));
  // An agent opening a chat wants it current: refresh it from the provider in the background.
  void requestChatRefresh(chat.id);
  return chat;
});
