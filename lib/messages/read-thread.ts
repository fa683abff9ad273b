import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { componentLogger } from "@/lib/logger";
import { type ListMessagesQuery, listMessages, type MessagePage } from "@/lib/messages/list-messages";
import { loadOlderMessages } from "@/lib/sync/load-older";

const log = componentLogger("read-thread");

/** Provider pages fetched for one page of the thread at most (an agent is waiting). */
const MAX_PROVIDER_LOADS = 10;

export type ThreadPage = MessagePage & {
  /** True when older messages exist at the provider but could not be fetched just now. */
  olderUnavailable: boolean;
};

/** Whether the chat is visible (its connection enabled) and may have older messages at the provider. */
export function threadStateSql(chatId: number): Prisma.Sql {
  return Prisma.sql`SELECT c.has_older_messages AS "hasOlderMessages"
    FROM chats c JOIN connections k ON k.id = c.connection_id AND k.enabled WHERE c.id = ${chatId}`;
}

/**
 * A page of a thread from the cache; when the cache runs out while the provider still has
 * older messages, fetches the next older batch from the provider first (scrolling up is
 * how history beyond the initial sync is loaded).
 */
export async function readThread(prisma: Db, chatId: number, query: ListMessagesQuery): Promise<ThreadPage> {
  // Side by side: the page of an unknown chat is simply empty, and a thread opens a round trip sooner.
  const [[chat], firstPage] = await Promise.all([
    prisma.$queryRaw<Array<{ hasOlderMessages: boolean }>>(threadStateSql(chatId)),
    listMessages(prisma, chatId, query),
  ]);
  if (!chat) throw new AppError("NOT_FOUND", "Chat not found");
  let page = firstPage;
  let hasOlder = chat.hasOlderMessages;
  try {
    // A provider's page may hold fewer messages than asked for: load until this page is full,
    // or it would end without a cursor and the thread would look complete.
    for (let loads = 0; page.nextCursor === null && hasOlder && loads < MAX_PROVIDER_LOADS; loads += 1) {
      const { loaded, hasMore } = await loadOlderMessages(prisma, chatId);
      hasOlder = hasMore;
      if (loaded === 0) break;
      page = await listMessages(prisma, chatId, query);
    }
    return { ...page, olderUnavailable: false };
  } catch (error) {
    log.warn({ err: error, chatId }, "older messages could not be loaded");
    return { ...page, olderUnavailable: true };
  }
}
