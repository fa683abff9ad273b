import { ingestChats } from "@/lib/ingest/ingest";
import { chatMarker, syncNewestPages } from "@/lib/sync/newest-pages";
import { recordSkippedItems } from "@/lib/sync/skipped-items";
import type { SyncContext } from "@/lib/sync/sync-context";
import { markBackfillDone, readSyncCursor, writeSyncCursor } from "@/lib/sync/sync-cursor";

/**
 * One polling cycle of a provider with a chat list: every page of chats, and for each page the
 * newest messages of the chats that changed. The next page is saved after each page, so a
 * restart goes on where it stopped (the first cycle is the connection's backfill). Returns the
 * number of messages fetched.
 */
export async function runPollingCycle(context: SyncContext): Promise<number> {
  const listChats = context.provider.capabilities.listChats;
  if (!listChats) return 0;
  const { prisma, connectionId } = context;
  let cursor = (await readSyncCursor(prisma, connectionId)).chatPage;
  if (cursor !== null) context.log.info({ connectionId, cursor }, "resuming the polling cycle at its saved page");
  let messages = 0;
  do {
    const page = cursor;
    const observedAt = new Date();
    const listed = await context.calls.call((signal) => listChats(page, signal), context.signal);
    const ids = await ingestChats(prisma, connectionId, listed.items, { observedAt });
    await recordSkippedItems(prisma, context.log, connectionId, listed.skipped);
    messages += await syncNewestPages(
      context,
      listed.items.flatMap((chat) => {
        const id = ids.get(chat.externalId);
        return id === undefined ? [] : [{ id, externalId: chat.externalId, marker: chatMarker(chat) }];
      }),
    );
    cursor = listed.nextCursor;
    await writeSyncCursor(prisma, connectionId, { chatPage: cursor });
    context.madeProgress();
  } while (cursor !== null && !context.signal.aborted);
  if (cursor === null) await markBackfillDone(prisma, connectionId);
  return messages;
}
