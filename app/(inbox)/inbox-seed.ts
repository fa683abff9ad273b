import type { CacheEntry } from "@/components/shell/cache-seed";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { listConnections } from "@/lib/connections/list-connections";
import { db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { CHAT_PAGE_SIZE, filtersFromParams } from "@/lib/queries/chat-filters";
import { chatKeys, connectionKeys, countKeys } from "@/lib/queries/keys";

const log = componentLogger("inbox-seed");

/**
 * What the browser would fetch first, read while the page is rendered: the first page of the
 * list as filtered by the URL, the unread totals and the connections. The inbox then paints with
 * its chats instead of waiting for its own requests after loading. Best effort: on a failure the
 * browser simply fetches them.
 */
export async function inboxSeed(pageSearch: string): Promise<CacheEntry[]> {
  const filters = filtersFromParams(new URLSearchParams(pageSearch));
  try {
    const [page, counts, connections] = await Promise.all([
      listChats(
        db(),
        ZListChatsQuery.parse({
          connection: filters.connections.length > 0 ? filters.connections : undefined,
          unread: filters.unread ? "1" : undefined,
          status: filters.status ?? undefined,
          q: filters.q || undefined,
          limit: CHAT_PAGE_SIZE,
        }),
      ),
      unreadCounts(db()),
      listConnections(db()),
    ]);
    return [
      { queryKey: chatKeys.list(filters), data: { pages: [page], pageParams: [null] } },
      { queryKey: countKeys.all, data: counts },
      { queryKey: connectionKeys.all, data: connections },
    ];
  } catch (error) {
    log.warn({ err: error }, "the inbox could not be read ahead; the browser will fetch it");
    return [];
  }
}
