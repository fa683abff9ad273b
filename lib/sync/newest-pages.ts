import { isProviderError } from "@/lib/providers/errors";
import type { NormalizedChat, NormalizedMessage } from "@/lib/providers/types";
import { forEachLimited } from "@/lib/sync/concurrency";
import { ingestMessageBatches } from "@/lib/sync/ingest";
import { jsonParam } from "@/lib/sync/json-param";
import type { SyncContext } from "@/lib/sync/sync-context";

/** A chat as a poll saw it: its row, its provider id and its change marker. */
export type ListedChat = { id: number; externalId: string; marker: string | null };

/** What fetching newest pages needs of a sync; a refresh on open has it too, without the rest. */
export type PageFetchContext = Pick<
  SyncContext,
  "prisma" | "provider" | "calls" | "tuning" | "signal" | "log" | "instanceId"
>;

/**
 * What the provider's chat list says has happened in a chat: its last message time, preview
 * and unread count. Null when the provider says none of these (then every poll looks again).
 */
export function chatMarker(chat: NormalizedChat): string | null {
  if (chat.lastMessageAt === null && chat.lastMessagePreview === null && chat.providerUnreadCount === null) return null;
  return JSON.stringify([chat.lastMessageAt?.toISOString() ?? null, chat.lastMessagePreview, chat.providerUnreadCount]);
}

/** Failures that concern one chat only (it is gone, or closed to us): the others go on. */
const chatLevelFailure = (error: unknown) =>
  isProviderError(error, "not_found") || isProviderError(error, "forbidden") || isProviderError(error, "bad_request");

type Fetched = {
  id: number;
  marker: string | null;
  next: string | null;
  messages: NormalizedMessage[];
  startedAt: number;
};

/**
 * Fetches the newest page of messages of each chat whose provider-side marker moved since its
 * messages were last fetched (or that were never fetched), stores them all in one transaction,
 * then records the markers: a crash in between only means fetching them again.
 * `force`: fetch whatever the markers say (an agent opened the chat).
 */
export async function syncNewestPages(context: PageFetchContext, chats: ListedChat[], force = false): Promise<number> {
  const listMessages = context.provider.capabilities.listMessages;
  if (!listMessages || chats.length === 0) return 0;
  const stored = await context.prisma.$queryRaw<Array<{ id: number; marker: string | null; synced: boolean }>>`
    SELECT id, sync_marker AS marker, messages_synced_at IS NOT NULL AS synced FROM chats WHERE id = ANY(${chats.map((chat) => chat.id)}::int[])`;
  const known = new Map(stored.map((row) => [row.id, row]));
  const due = chats.filter(({ id, marker }) => {
    const row = known.get(id);
    return force || !row?.synced || marker === null || row.marker !== marker;
  });
  const fetched: Fetched[] = [];
  await forEachLimited(due, context.tuning.messageFetchConcurrency, async ({ id, externalId, marker }) => {
    const startedAt = Date.now();
    try {
      const page = await context.calls.call((signal) => listMessages(externalId, null, signal), context.signal);
      fetched.push({ id, marker, next: page.nextCursor, messages: page.items, startedAt });
    } catch (error) {
      if (!chatLevelFailure(error)) throw error;
      context.log.warn({ err: error, chatId: id }, "skipping a chat the provider refused");
    }
  });
  if (fetched.length === 0) return 0;
  await ingestMessageBatches(
    context.prisma,
    fetched.map((entry) => ({ chatId: entry.id, messages: entry.messages })),
  );
  await context.prisma.$executeRaw`
    UPDATE chats c SET sync_marker = u.marker, messages_synced_at = now(),
      older_messages_cursor = CASE WHEN c.older_messages_cursor IS NULL AND c.has_older_messages
        THEN u.next ELSE c.older_messages_cursor END,
      has_older_messages = CASE WHEN c.older_messages_cursor IS NULL AND c.has_older_messages
        THEN u.next IS NOT NULL ELSE c.has_older_messages END
    FROM jsonb_to_recordset(${jsonParam(fetched.map((entry) => ({ id: entry.id, marker: entry.marker, next: entry.next })))}::jsonb)
      AS u(id int, marker text, next text)
    WHERE c.id = u.id`;
  const endedAt = Date.now();
  for (const entry of fetched) {
    context.log.debug(
      {
        chatId: entry.id,
        instanceId: context.instanceId,
        startedAt: entry.startedAt,
        endedAt,
        messages: entry.messages.length,
      },
      "chat synced",
    );
  }
  return fetched.reduce((sum, entry) => sum + entry.messages.length, 0);
}
