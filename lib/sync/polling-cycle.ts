import { ingestChats } from "@/lib/ingest/ingest";
import type { NormalizedChat, Page } from "@/lib/providers/types";
import { chatMarker, syncNewestPages } from "@/lib/sync/newest-pages";
import { recordSkippedItems } from "@/lib/sync/skipped-items";
import type { SyncContext } from "@/lib/sync/sync-context";
import { markBackfillDone, readSyncCursor, writeSyncCursor } from "@/lib/sync/sync-cursor";

/** Stores a page of listed chats and fetches the newest messages of those that changed. */
async function storeListedChats(context: SyncContext, listed: Page<NormalizedChat>, observedAt: Date): Promise<number> {
  const { prisma, connectionId } = context;
  const ids = await ingestChats(prisma, connectionId, listed.items, { observedAt });
  await recordSkippedItems(prisma, context.log, connectionId, listed.skipped);
  return syncNewestPages(
    context,
    listed.items.flatMap((chat) => {
      const id = ids.get(chat.externalId);
      return id === undefined ? [] : [{ id, externalId: chat.externalId, marker: chatMarker(chat) }];
    }),
  );
}

/**
 * One polling cycle of a provider with a chat list. The first (the connection's backfill) reads
 * every page of chats, and for each page the newest messages of the chats that changed; the next
 * page is saved after each page, so a restart goes on where it stopped. Later cycles read only
 * what the provider's `recentChats` bounds, where it has one (SmartSender: walking all 235 pages
 * of the seed would take 80 s of its 180-per-minute budget every cycle); else every page again.
 * Returns the number of messages fetched.
 */
export async function runPollingCycle(context: SyncContext): Promise<number> {
  const listChats = context.provider.capabilities.listChats;
  if (!listChats) return 0;
  const { prisma, connectionId } = context;
  const saved = await readSyncCursor(prisma, connectionId);
  const recentChats = context.provider.recentChats;
  if (recentChats && saved.chatPage === null) {
    const { backfillDoneAt } = await prisma.connection.findUniqueOrThrow({
      where: { id: connectionId },
      select: { backfillDoneAt: true },
    });
    if (backfillDoneAt !== null) {
      const from = saved.recentChats;
      const observedAt = new Date();
      const listed = await context.calls.call((signal) => recentChats(from, signal), context.signal);
      const messages = await storeListedChats(context, listed, observedAt);
      await writeSyncCursor(prisma, connectionId, { recentChats: listed.nextCursor });
      context.madeProgress();
      return messages;
    }
  }
  let cursor = saved.chatPage;
  if (cursor !== null) context.log.info({ connectionId, cursor }, "resuming the polling cycle at its saved page");
  let messages = 0;
  do {
    const page = cursor;
    const observedAt = new Date();
    const listed = await context.calls.call((signal) => listChats(page, signal), context.signal);
    messages += await storeListedChats(context, listed, observedAt);
    cursor = listed.nextCursor;
    await writeSyncCursor(prisma, connectionId, { chatPage: cursor });
    context.madeProgress();
  } while (cursor !== null && !context.signal.aborted);
  if (cursor === null) await markBackfillDone(prisma, connectionId);
  return messages;
}
