import { recordNewestPages } from "@/lib/ingest/history-cursors";
import { ingestMessageBatches } from "@/lib/ingest/ingest";
import { isProviderError } from "@/lib/providers/errors";
import type { NormalizedChat, NormalizedMessage, SkippedItem } from "@/lib/providers/types";
import { forEachLimited } from "@/lib/sync/concurrency";
import { recordSkippedItems } from "@/lib/sync/skipped-items";
import type { SyncContext } from "@/lib/sync/sync-context";

/** A chat as a poll saw it: its row, its provider id and its change marker. */
export type ListedChat = { id: number; externalId: string; marker: string | null };

/** What fetching newest pages needs of a sync; a refresh on open has it too, without the rest. */
export type PageFetchContext = Pick<
  SyncContext,
  "prisma" | "connectionId" | "provider" | "calls" | "tuning" | "signal" | "log" | "instanceId"
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

/** Pages fetched at most to close the gap after a burst of messages (beyond, scrolling loads them). */
const MAX_GAP_PAGES = 10;

async function anyStored(context: PageFetchContext, chatId: number, messages: NormalizedMessage[]): Promise<boolean> {
  if (messages.length === 0) return true;
  const [row] = await context.prisma.$queryRaw<Array<{ found: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM messages WHERE chat_id = ${chatId}
      AND external_id = ANY(${messages.map((message) => message.externalId)}::text[])) AS found`;
  return row?.found ?? false;
}

/**
 * Fetches the newest page of messages of each chat whose provider-side marker moved since its
 * messages were last fetched (or that were never fetched), stores them all in one transaction,
 * then records the markers: a crash in between only means fetching them again. When a chat
 * already synced got more messages than a page holds, the pages after the newest are fetched
 * too, until one reaches messages we have: no gap opens between old and new.
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
  const skipped: SkippedItem[] = [];
  const pageOf = async (externalId: string, cursor: string | null) => {
    const page = await context.calls.call((signal) => listMessages(externalId, cursor, signal), context.signal);
    skipped.push(...(page.skipped ?? []));
    return page;
  };
  await forEachLimited(due, context.tuning.messageFetchConcurrency, async ({ id, externalId, marker }) => {
    const startedAt = Date.now();
    try {
      const newest = await pageOf(externalId, null);
      const messages = [...newest.items];
      if (known.get(id)?.synced) {
        let page = newest;
        for (let pages = 1; page.nextCursor !== null && pages < MAX_GAP_PAGES; pages += 1) {
          if (await anyStored(context, id, page.items)) break;
          page = await pageOf(externalId, page.nextCursor);
          messages.push(...page.items);
        }
      }
      fetched.push({ id, marker, next: newest.nextCursor, messages, startedAt });
    } catch (error) {
      if (!chatLevelFailure(error)) throw error;
      context.log.warn({ err: error, chatId: id }, "skipping a chat the provider refused");
    }
  });
  await recordSkippedItems(context.prisma, context.log, context.connectionId, skipped);
  if (fetched.length === 0) return 0;
  await ingestMessageBatches(
    context.prisma,
    fetched.map((entry) => ({ chatId: entry.id, messages: entry.messages })),
  );
  await recordNewestPages(
    context.prisma,
    fetched.map((entry) => ({ chatId: entry.id, marker: entry.marker, next: entry.next })),
  );
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
