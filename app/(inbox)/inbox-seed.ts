import { type DehydratedState, dehydrate, QueryClient } from "@tanstack/react-query";
import { parseSearchParams } from "@/lib/api/query";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { viewCounts } from "@/lib/chats/view-counts";
import { listConnections } from "@/lib/connections/list-connections";
import { db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";
import { chatPageParams, filtersFromParams } from "@/lib/queries/chat-filters";
import { chatKeys, connectionKeys, countKeys } from "@/lib/queries/keys";

const log = componentLogger("inbox-seed");

/**
 * What the browser would fetch first, read while the page is rendered: the first page of the
 * list as filtered by the URL, the unread totals, the views' counts and the connections, handed
 * to the browser's query cache by TanStack Query's own dehydrate/HydrationBoundary. The inbox
 * then paints with its chats instead of waiting for its own requests after loading. Best effort:
 * on a failure the browser simply fetches them.
 */
export async function inboxSeed(pageSearch: string, userId: string): Promise<DehydratedState> {
  const filters = filtersFromParams(new URLSearchParams(pageSearch));
  const queryClient = new QueryClient();
  try {
    const [page, counts, views, connections] = await Promise.all([
      listChats(db(), parseSearchParams(chatPageParams(filters, null), ZListChatsQuery), { userId }),
      unreadCounts(db()),
      viewCounts(db(), userId),
      listConnections(db()),
    ]);
    queryClient.setQueryData(chatKeys.list(filters), { pages: [page], pageParams: [null] });
    queryClient.setQueryData(countKeys.all, counts);
    queryClient.setQueryData(connectionKeys.all, connections);
    queryClient.setQueryData(countKeys.views, views);
  } catch (error) {
    log.warn({ err: error }, "the inbox could not be read ahead; the browser will fetch it");
  }
  return dehydrate(queryClient);
}
