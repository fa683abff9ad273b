import { bareChat } from "@/lib/ingest/bare-chat";
import { ingestChats, ingestMessageBatches, ingestRemovals } from "@/lib/ingest/ingest";
import { isProviderError } from "@/lib/providers/errors";
import { providerForConnection } from "@/lib/providers/for-connection";
import type { NormalizedChat, NormalizedMessage, ProviderUpdate, SkippedItem } from "@/lib/providers/types";
import { forEachLimited } from "@/lib/sync/concurrency";
import { recordSkippedItems, skippedItemOf } from "@/lib/sync/skipped-items";
import type { SyncContext } from "@/lib/sync/sync-context";
import { markBackfillDone, readSyncCursor, writeSyncCursor } from "@/lib/sync/sync-cursor";

async function knownChats(context: UpdateSink, externalIds: string[]): Promise<Map<string, number>> {
  const rows = await context.prisma.$queryRaw<Array<{ id: number; externalId: string }>>`
    SELECT id, external_id AS "externalId" FROM chats
    WHERE connection_id = ${context.connectionId}::uuid AND external_id = ANY(${externalIds}::text[])`;
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

/**
 * Fetches the chats a batch names that must be (re)read: the ones that changed, and the ones
 * we have never seen. A chat the provider refuses is kept from its messages alone.
 */
async function refreshChats(
  context: UpdateSink,
  changed: Set<string>,
  mentioned: Set<string>,
): Promise<Map<string, number>> {
  const getChat = context.provider.capabilities.getChat;
  const known = await knownChats(context, [...new Set([...changed, ...mentioned])]);
  const wanted = [...new Set([...changed, ...[...mentioned].filter((id) => !known.has(id))])];
  const chats: NormalizedChat[] = [];
  const observedAt = new Date();
  const unreadable: SkippedItem[] = [];
  const keepFromMessages = (externalId: string) => {
    // A chat the provider will not show us (gone, or we were removed) but that has messages to keep.
    if (!known.has(externalId)) chats.push(bareChat(externalId));
  };
  await forEachLimited(wanted, context.tuning.messageFetchConcurrency, async (externalId) => {
    if (!getChat) return keepFromMessages(externalId);
    try {
      chats.push(await context.calls.call((signal) => getChat(externalId, signal), context.signal));
    } catch (error) {
      const skipped = skippedItemOf(error);
      if (skipped) unreadable.push(skipped);
      else if (!isProviderError(error, "not_found") && !isProviderError(error, "forbidden")) throw error;
      keepFromMessages(externalId);
    }
  });
  await recordSkippedItems(context.prisma, context.log, context.connectionId, unreadable);
  const stored = await ingestChats(context.prisma, context.connectionId, chats, { observedAt });
  return new Map([...known, ...stored]);
}

/** What storing updates needs: the long-polling run's context, or one webhook delivery's. */
export type UpdateSink = Pick<
  SyncContext,
  "prisma" | "connectionId" | "instanceId" | "provider" | "calls" | "tuning" | "signal" | "log"
>;

/**
 * Stores one batch of updates: chats first (so messages have a chat), then messages, then
 * deletions. Every write is an upsert by the provider's ids, so a batch stored twice changes nothing.
 */
export async function applyUpdates(context: UpdateSink, updates: ProviderUpdate[]): Promise<void> {
  const changed = new Set<string>();
  const mentioned = new Set<string>();
  const messagesByChat = new Map<string, NormalizedMessage[]>();
  for (const update of updates) {
    if (update.type === "chat_changed") changed.add(update.chatExternalId);
    if (update.type === "message_upserted") {
      mentioned.add(update.chatExternalId);
      const messages = messagesByChat.get(update.chatExternalId);
      if (messages) messages.push(update.message);
      else messagesByChat.set(update.chatExternalId, [update.message]);
    }
  }
  const chatIds = await refreshChats(context, changed, mentioned);
  const batches = [...messagesByChat].flatMap(([externalId, messages]) => {
    const chatId = chatIds.get(externalId);
    return chatId === undefined ? [] : [{ chatId, messages }];
  });
  const startedAt = Date.now();
  await ingestMessageBatches(context.prisma, batches);
  for (const batch of batches) {
    context.log.debug(
      {
        chatId: batch.chatId,
        instanceId: context.instanceId,
        startedAt,
        endedAt: Date.now(),
        messages: batch.messages.length,
      },
      "chat synced",
    );
  }
  await ingestRemovals(
    context.prisma,
    context.connectionId,
    updates.flatMap((update) =>
      update.type === "message_removed"
        ? [{ chatExternalId: update.chatExternalId, messageExternalId: update.messageExternalId, at: update.at }]
        : [],
    ),
  );
}

/**
 * Long polling (MAX): reads updates after the stored marker, stores them, then saves the
 * marker, so a restart neither loses nor skips any (an update read twice is stored once).
 * Until the backlog is drained the polls do not wait; then each waits for news.
 * Runs until stopped, the connection's configuration changes, or a call fails for good.
 */
export async function runLongPolling(context: SyncContext): Promise<void> {
  const pollUpdates = context.provider.capabilities.pollUpdates;
  if (!pollUpdates) return;
  const { prisma, connectionId } = context;
  let marker = (await readSyncCursor(prisma, connectionId)).updatesMarker;
  let drained =
    (await prisma.connection.findUniqueOrThrow({ where: { id: connectionId }, select: { backfillDoneAt: true } }))
      .backfillDoneAt !== null;
  // A changed configuration (token, address) builds a new provider: the runner starts over with it.
  while (!context.signal.aborted && (await providerForConnection(prisma, connectionId)) === context.provider) {
    const from = marker;
    const timeoutSec = drained ? context.tuning.longPollSeconds : 0;
    const batch = await context.calls.call((signal) => pollUpdates(from, timeoutSec, signal), context.signal);
    await applyUpdates(context, batch.updates);
    await recordSkippedItems(prisma, context.log, connectionId, batch.skipped);
    marker = batch.marker;
    await writeSyncCursor(prisma, connectionId, { updatesMarker: marker });
    await context.health.synced();
    context.madeProgress();
    // Drained: nothing new, and the marker stayed (updates of types we skip still move it).
    if (!drained && batch.updates.length === 0 && batch.marker === from) {
      await markBackfillDone(prisma, connectionId);
      drained = true;
    }
  }
}
