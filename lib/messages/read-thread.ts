import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { type ListMessagesQuery, listMessages, type MessagePage } from "@/lib/messages/list-messages";
import { loadOlderMessages } from "@/lib/sync/load-older";

const log = componentLogger("read-thread");

export type ThreadPage = MessagePage & {
  /** True when older messages exist at the provider but could not be fetched just now. */
  olderUnavailable: boolean;
};

/**
 * A page of a thread from the cache; when the cache runs out while the provider still has
 * older messages, fetches the next older batch from the provider first (scrolling up is
 * how history beyond the initial sync is loaded).
 */
export async function readThread(prisma: Db, chatId: number, query: ListMessagesQuery): Promise<ThreadPage> {
  const chat = await findVisibleChat(prisma, chatId);
  const page = await listMessages(prisma, chatId, query);
  if (page.nextCursor !== null || !chat.hasOlderMessages) return { ...page, olderUnavailable: false };
  try {
    const { loaded } = await loadOlderMessages(chatId);
    if (loaded === 0) return { ...page, olderUnavailable: false };
    return { ...(await listMessages(prisma, chatId, query)), olderUnavailable: false };
  } catch (error) {
    log.warn({ err: error, chatId }, "older messages could not be loaded");
    return { ...page, olderUnavailable: true };
  }
}
