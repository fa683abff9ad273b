import { type Db, readRows } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { componentLogger } from "@/lib/logger";
import {
  type ListMessagesQuery,
  listMessages,
  type MessagePage,
  type MessageRow,
  messagePageOf,
  messagesPageSql,
} from "@/lib/messages/list-messages";
import { loadOlderMessages } from "@/lib/sync/load-older";

const log = componentLogger("read-thread");

/** Provider pages fetched for one page of the thread at most (an agent is waiting). */
const MAX_PROVIDER_LOADS = 10;

export type ThreadPage = MessagePage & {
  /** True when older messages exist at the provider but could not be fetched just now. */
  olderUnavailable: boolean;
};

/**
 * A page of the thread and, on every row, whether the chat may have older messages at the
 * provider: one round trip. No row: the chat is unknown or its connection switched off; one row
 * without a message: a visible chat with nothing on this page.
 */
export function threadPageSql(chatId: number, query: ListMessagesQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT c.has_older_messages AS "hasOlderMessages", page.*
    FROM chats c
    JOIN connections k ON k.id = c.connection_id AND k.enabled
    LEFT JOIN (${messagesPageSql(chatId, query)}) page ON true
    WHERE c.id = ${chatId}
    ORDER BY page."createdAt" DESC, page.id DESC`;
}

type ThreadRow = { hasOlderMessages: boolean } & (MessageRow | { [key in keyof MessageRow]: null });

/**
 * A page of a thread from the cache; when the cache runs out while the provider still has
 * older messages, fetches the next older batch from the provider first (scrolling up is
 * how history beyond the initial sync is loaded).
 */
export async function readThread(prisma: Db, chatId: number, query: ListMessagesQuery): Promise<ThreadPage> {
  const rows = await readRows<ThreadRow>(prisma, threadPageSql(chatId, query));
  const [chat] = rows;
  if (!chat) throw new AppError("NOT_FOUND", "Chat not found");
  const messages = rows.filter((row): row is ThreadRow & MessageRow => row.id !== null);
  let page = messagePageOf(messages, query.limit);
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
