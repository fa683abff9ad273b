import type { DbClient } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";

/**
 * Where each chat's history stands at the provider: the change marker its newest page was
 * fetched at, and the cursor of the next older page (scrolling back follows it).
 */

export type NewestPageFetched = {
  chatId: number;
  /** The provider's change marker of the chat when the page was fetched. */
  marker: string | null;
  /** The cursor of the page after the newest (null: the newest page was all there is). */
  next: string | null;
};

/** The newest pages were stored: remember the markers, and where older history starts if no scroll has begun. */
export async function recordNewestPages(client: DbClient, fetched: NewestPageFetched[]): Promise<void> {
  if (fetched.length === 0) return;
  const rows = fetched.map((entry) => ({ id: entry.chatId, marker: entry.marker, next: entry.next }));
  await client.$executeRaw`
    UPDATE chats c SET sync_marker = u.marker, messages_synced_at = now(),
      older_messages_cursor = CASE WHEN c.older_messages_cursor IS NULL AND c.has_older_messages
        THEN u.next ELSE c.older_messages_cursor END,
      has_older_messages = CASE WHEN c.older_messages_cursor IS NULL AND c.has_older_messages
        THEN u.next IS NOT NULL ELSE c.has_older_messages END
    FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS u(id int, marker text, next text)
    WHERE c.id = u.id`;
}

/**
 * An older page was stored: the next one starts at `next` (null: history is complete). Only
 * from where this scroll started (`from`): a concurrent scroll that got further keeps its place.
 */
export async function recordOlderPage(
  client: DbClient,
  chatId: number,
  from: string | null,
  next: string | null,
): Promise<void> {
  await client.$executeRaw`
    UPDATE chats SET older_messages_cursor = ${next}, has_older_messages = ${next !== null}
    WHERE id = ${chatId} AND older_messages_cursor IS NOT DISTINCT FROM ${from}`;
}

/** The provider cannot list a chat's messages: there is no older history to load. */
export async function markNoOlderMessages(client: DbClient, chatId: number): Promise<void> {
  await client.chat.update({ where: { id: chatId }, data: { hasOlderMessages: false } });
}
