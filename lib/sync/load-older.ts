import type { Db } from "@/lib/db";
import { markNoOlderMessages, recordOlderPage } from "@/lib/ingest/history-cursors";
import { ingestMessages } from "@/lib/ingest/ingest";
import { componentLogger } from "@/lib/logger";
import { providerForConnection } from "@/lib/providers/for-connection";
import { createProviderCalls, UNWATCHED } from "@/lib/sync/resilience";
import { recordSkippedItems } from "@/lib/sync/skipped-items";
import { AGENT_WAITING_TUNING } from "@/lib/sync/tuning";

const log = componentLogger("sync");

/** Pages that held only messages we already had are skipped, up to this many in one call. */
const MAX_PAGES_PER_CALL = 5;

/**
 * Loads the next older page of a chat's history from the provider when an agent scrolls past
 * what is cached, and remembers where the next one starts. A page holding nothing new (the
 * newest page, already synced) is passed over so a scroll shows something when it can.
 */
export async function loadOlderMessages(prisma: Db, chatId: number): Promise<{ loaded: number; hasMore: boolean }> {
  const chat = await prisma.chat.findUnique({
    where: { id: chatId },
    select: { connectionId: true, externalId: true, olderMessagesCursor: true, hasOlderMessages: true },
  });
  if (!chat?.hasOlderMessages) return { loaded: 0, hasMore: false };
  const listMessages = (await providerForConnection(prisma, chat.connectionId)).capabilities.listMessages;
  if (!listMessages) {
    await markNoOlderMessages(prisma, chatId);
    return { loaded: 0, hasMore: false };
  }
  const calls = createProviderCalls(AGENT_WAITING_TUNING, UNWATCHED);
  const signal = new AbortController().signal;
  let cursor = chat.olderMessagesCursor;
  let loaded = 0;
  try {
    for (let pages = 0; pages < MAX_PAGES_PER_CALL && loaded === 0; pages += 1) {
      const from = cursor;
      const page = await calls.call((attempt) => listMessages(chat.externalId, from, attempt), signal);
      loaded += (await ingestMessages(prisma, chatId, page.items)).length;
      await recordSkippedItems(prisma, log, chat.connectionId, page.skipped);
      await recordOlderPage(prisma, chatId, from, page.nextCursor);
      cursor = page.nextCursor;
      if (cursor === null) return { loaded, hasMore: false };
    }
    return { loaded, hasMore: true };
  } finally {
    calls.dispose();
  }
}
