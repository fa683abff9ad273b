import { NextResponse } from "next/server";
import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { findVisibleChat } from "@/lib/chats/find-chat";
import { db } from "@/lib/db";
import { requestChatRefresh } from "@/lib/sync/refresh-chat";

export const dynamic = "force-dynamic";

/** An agent opened the chat and wants it current: it is refreshed from the provider in the background. */
export const POST = withSession({ params: ZChatParams }, async ({ params }) => {
  const prisma = db();
  const chat = await findVisibleChat(prisma, params.chatId);
  void requestChatRefresh(prisma, chat.id);
  return NextResponse.json({ ok: true }, { status: 202 });
});
