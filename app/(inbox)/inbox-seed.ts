import type { CacheEntry } from "@/components/shell/cache-seed";
import { parseSearchParams } from "@/lib/api/query";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { listConnections } from "@/lib/connections/list-connections";
import { db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { chatPageParams, filtersFromParams } from "@/lib/queries/chat-filters";
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
      listChats(db(), parseSearchParams(chatPageParams(filters, null), ZListChatsQuery)),
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
