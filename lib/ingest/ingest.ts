import type { Db, DbTransaction } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import type { ChangeEvent } from "@/lib/events/types";
import { upsertChats } from "@/lib/ingest/chat-upsert";
import { jsonParam } from "@/lib/ingest/json-param";
import { replaceMessageParts } from "@/lib/ingest/message-parts";
import { type ChatMessages, dedupeBatches, upsertMessages } from "@/lib/ingest/message-upsert";
import { followNewestMessages } from "@/lib/ingest/newest-message";
import { settleOldHistory } from "@/lib/ingest/old-history";
import { adoptOwnSends } from "@/lib/ingest/own-send";
import { upsertParticipants } from "@/lib/ingest/participant-upsert";
import { reopenOnCustomerMessage } from "@/lib/ingest/reopen";
import { linkReplies } from "@/lib/ingest/reply-links";
import { inIngestTransaction } from "@/lib/ingest/transaction";
import { recomputeUnread } from "@/lib/ingest/unread";
import { recomputeWaiting } from "@/lib/ingest/waiting";
import type { NormalizedChat, NormalizedMessage, NormalizedParticipant } from "@/lib/providers/types";

/**
 * The one way provider data enters the cache: idempotent upserts keyed by the provider's ids,
 * each call one transaction that also keeps unread counts right and records the change events
 * browsers hear about.
 */

type ChatRef = { id: number; connectionId: string };

async function connectionsOf(tx: DbTransaction, chatIds: number[]): Promise<Map<number, string>> {
  if (chatIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<ChatRef[]>`
    SELECT id, connection_id::text AS "connectionId" FROM chats
    WHERE id = ANY(${chatIds}::int[])`;
  return new Map(rows.map((row) => [row.id, row.connectionId]));
}

/** chat.changed for each chat, counts.changed for each connection whose totals (unread, views) moved. */
function chatEvents(changedChats: ChatRef[], countsMoved: ChatRef[]): ChangeEvent[] {
  const chats = new Map([...changedChats, ...countsMoved].map((chat) => [chat.id, chat.connectionId]));
  const connections = new Set(countsMoved.map((chat) => chat.connectionId));
  return [
    ...[...chats].map(([chatId, connectionId]): ChangeEvent => ({ type: "chat.changed", chatId, connectionId })),
    ...[...connections].map((connectionId): ChangeEvent => ({ type: "counts.changed", connectionId })),
  ];
}

/**
 * Stores a connection's chats; returns every chat's local id by its external id.
 * `observedAt`: when the provider produced this data (default now). Agents' reads and closes
 * delivered after that moment are newer than the data and win over it.
 */
export async function ingestChats(
  prisma: Db,
  connectionId: string,
  chats: NormalizedChat[],
  options: { observedAt?: Date } = {},
): Promise<Map<string, number>> {
  if (chats.length === 0) return new Map();
  return inIngestTransaction(prisma, async (tx) => {
    const upserted = await upsertChats(tx, connectionId, chats, options.observedAt ?? new Date());
    const changed = upserted.filter((chat) => chat.changed).map((chat) => chat.id);
    await settleOldHistory(tx, changed);
    const unread = await recomputeUnread(tx, changed);
    await emitChanges(
      tx,
      chatEvents(
        changed.map((id) => ({ id, connectionId })),
        unread,
      ),
    );
    return new Map(upserted.map((chat) => [chat.externalId, chat.id]));
  });
}

/**
 * Stores the messages of several chats in one transaction (a page of chats, a batch of
 * updates): fewer, larger transactions are what makes bulk ingest fast. Returns, per chat, the
 * ids of message rows inserted or changed.
 */
export async function ingestMessageBatches(prisma: Db, input: ChatMessages[]): Promise<Map<number, number[]>> {
  const batches = dedupeBatches(input).filter((batch) => batch.messages.length > 0);
  if (batches.length === 0) return new Map();
  const chatIds = batches.map((batch) => batch.chatId).sort((a, b) => a - b);
  return inIngestTransaction(prisma, async (tx) => {
    // One writer per chat at a time (the sync, a refresh on open, a lookup), in id order against deadlocks.
    const chats = await tx.$queryRaw<ChatRef[]>`
      SELECT id, connection_id::text AS "connectionId" FROM chats
      WHERE id = ANY(${chatIds}::int[]) ORDER BY id FOR NO KEY UPDATE`;
    const connectionOf = new Map(chats.map((chat) => [chat.id, chat.connectionId]));
    await adoptOwnSends(tx, batches);
    const stored = await upsertMessages(tx, batches);
    const messageByKey = new Map(
      batches.flatMap(({ chatId, messages }) =>
        messages.map((message): [string, NormalizedMessage] => [`${chatId}:${message.externalId}`, message]),
      ),
    );
    const partsChanged = await replaceMessageParts(
      tx,
      stored.flatMap((row) => {
        const message = messageByKey.get(`${row.chatId}:${row.externalId}`);
        return message ? [{ id: row.id, inserted: row.inserted, message }] : [];
      }),
    );
    const linked = await linkReplies(
      tx,
      stored.map((row) => row.id),
    );
    const summaryChanged = await followNewestMessages(tx, batches);
    await settleOldHistory(tx, chatIds);
    const unread = await recomputeUnread(tx, chatIds);
    const waiting = await recomputeWaiting(tx, chatIds);
    const reopened = await reopenOnCustomerMessage(
      tx,
      batches,
      new Set(stored.filter((row) => row.inserted).map((row) => `${row.chatId}:${row.externalId}`)),
    );

    const chatOfMessage = new Map([
      ...stored.map((row): [number, number] => [row.id, row.chatId]),
      ...linked.map((row): [number, number] => [row.id, row.chatId]),
    ]);
    const changedIds = [
      ...stored.filter((row) => row.changed).map((row) => row.id),
      ...partsChanged,
      ...linked.map((row) => row.id),
    ];
    const byChat = new Map<number, number[]>();
    for (const id of new Set(changedIds)) {
      const chatId = chatOfMessage.get(id);
      if (chatId === undefined) continue;
      const ids = byChat.get(chatId);
      if (ids) ids.push(id);
      else byChat.set(chatId, [id]);
    }
    await emitChanges(tx, [
      ...[...byChat].map(([chatId, messageIds]): ChangeEvent => ({ type: "messages.changed", chatId, messageIds })),
      ...chatEvents(
        [...summaryChanged.map((id) => ({ id, connectionId: connectionOf.get(id) ?? "" })), ...waiting],
        [...unread, ...waiting.filter((chat) => chat.flipped), ...reopened],
      ),
    ]);
    return byChat;
  });
}

/** Stores one chat's messages; returns the ids of rows inserted or changed. */
export async function ingestMessages(prisma: Db, chatId: number, messages: NormalizedMessage[]): Promise<number[]> {
  const changed = await ingestMessageBatches(prisma, [{ chatId, messages }]);
  return changed.get(chatId) ?? [];
}

/** Makes a chat's members the provider's current list. */
export async function ingestParticipants(
  prisma: Db,
  chatId: number,
  participants: NormalizedParticipant[],
): Promise<void> {
  await inIngestTransaction(prisma, async (tx) => {
    if (!(await upsertParticipants(tx, chatId, participants))) return;
    const connections = await connectionsOf(tx, [chatId]);
    const connectionId = connections.get(chatId);
    if (connectionId) await emitChanges(tx, [{ type: "chat.changed", chatId, connectionId }]);
  });
}

export type Removal = { chatExternalId: string | null; messageExternalId: string; at: Date };

/** Marks messages the provider deleted; their rows stay, with `deleted_at` set. */
export async function ingestRemovals(prisma: Db, connectionId: string, removals: Removal[]): Promise<void> {
  if (removals.length === 0) return;
  const rows = removals.map((removal) => ({
    chat_external_id: removal.chatExternalId,
    external_id: removal.messageExternalId,
    at: removal.at,
  }));
  await inIngestTransaction(prisma, async (tx) => {
    const deleted = await tx.$queryRaw<Array<{ id: number; chatId: number }>>`
      UPDATE messages m SET deleted_at = r.at, synced_at = now()
      FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS r(chat_external_id text, external_id text, at timestamptz),
        chats c
      WHERE c.connection_id = ${connectionId}::uuid AND m.chat_id = c.id AND m.external_id = r.external_id
        AND (r.chat_external_id IS NULL OR c.external_id = r.chat_external_id) AND m.deleted_at IS NULL
      RETURNING m.id, m.chat_id AS "chatId"`;
    if (deleted.length === 0) return;
    const chatIds = [...new Set(deleted.map((row) => row.chatId))];
    const unread = await recomputeUnread(tx, chatIds);
    const waiting = await recomputeWaiting(tx, chatIds);
    await emitChanges(tx, [
      ...chatIds.map(
        (chatId): ChangeEvent => ({
          type: "messages.changed",
          chatId,
          messageIds: deleted.filter((row) => row.chatId === chatId).map((row) => row.id),
        }),
      ),
      ...chatEvents(waiting, [...unread, ...waiting.filter((chat) => chat.flipped)]),
    ]);
  });
}

/** Keeps the invitation link a provider gave for a chat when asked (it is the chat's public link). */
export async function ingestInvitationLink(prisma: Db, chatId: number, link: string): Promise<void> {
  await prisma.chat.update({ where: { id: chatId }, data: { publicLink: link } });
}
