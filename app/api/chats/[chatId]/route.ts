import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { getChat } from "@/lib/chats/get-chat";
import { db } from "@/lib/db";
import { requestChatRefresh } from "@/lib/sync/refresh-chat";

export const dynamic = "force-dynamic";

export const GET = withSession<{ chatId: string }>(async ({ params }) => {
  const prisma = db();
  const chat = await getChat(prisma, positiveId(params.chatId, "Chat"));
  // An agent opening a chat wants it current: refresh it from the provider in the background.
  void requestChatRefresh(prisma, chat.id);
  return chat;
});
