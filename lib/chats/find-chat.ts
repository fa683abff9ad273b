import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A chat of an enabled connection, or 404: chats of switched-off connections are hidden everywhere. */
export async function findVisibleChat(client: DbClient, chatId: number) {
  const chat = await client.chat.findFirst({ where: { id: chatId, connection: { enabled: true } } });
  if (!chat) throw new AppError("NOT_FOUND", "Chat not found");
  return chat;
}
