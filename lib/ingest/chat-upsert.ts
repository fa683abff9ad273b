import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import type { NormalizedChat } from "@/lib/providers/types";

export type UpsertedChat = { id: number; externalId: string; inserted: boolean; changed: boolean };

function dedupeByExternalId(chats: NormalizedChat[]): NormalizedChat[] {
  return [...new Map(chats.map((chat) => [chat.externalId, chat])).values()];
}

/**
 * Inserts or updates the connection's chats in one statement. What the agents did here and the
 * provider has not heard of yet wins over what the provider lists: a chat read (or closed) whose
 * outbox action is still on its way — or was delivered after the provider's answer was made
 * (`observedAt`) — keeps its unread count at 0 (and its status closed), so nothing flickers back.
 * Times never move backwards.
 */
export async function upsertChats(
  tx: DbTransaction,
  connectionId: string,
  chats: NormalizedChat[],
  observedAt: Date,
): Promise<UpsertedChat[]> {
  const rows = dedupeByExternalId(chats).map((chat) => ({
    external_id: chat.externalId,
    kind: chat.kind,
    title: chat.title,
    avatar_url: chat.avatarUrl,
    status: chat.status,
    provider_status: chat.providerStatus,
    phone: chat.phone,
    public_link: chat.publicLink,
    participants_count: chat.participantsCount,
    provider_unread_count: chat.providerUnreadCount,
    last_message_at: chat.lastMessageAt,
    last_message_preview: chat.lastMessagePreview,
    provider_created_at: chat.createdAt,
    raw: chat.raw ?? null,
  }));
  if (rows.length === 0) return [];
  const changed = await tx.$queryRaw<Array<{ id: number; externalId: string; inserted: boolean }>>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS t(
        external_id text, kind text, title text, avatar_url text, status text, provider_status text, phone text,
        public_link text, participants_count int, provider_unread_count int, last_message_at timestamptz,
        last_message_preview text, provider_created_at timestamptz, raw jsonb)
    ),
    undelivered AS (
      SELECT i.external_id,
        bool_or(o.kind = 'mark_read') AS read_here,
        bool_or(o.kind = 'close_chat') AS closed_here
      FROM input i
      JOIN chats e ON e.connection_id = ${connectionId}::uuid AND e.external_id = i.external_id
      JOIN outbox_actions o ON o.chat_id = e.id AND o.kind IN ('mark_read', 'close_chat')
        AND (o.status IN ('pending', 'in_flight') OR o.completed_at >= ${observedAt})
      GROUP BY i.external_id
    )
    INSERT INTO chats AS c (connection_id, external_id, kind, title, avatar_url, status, provider_status, phone,
      public_link, participants_count, provider_unread_count, last_message_at, last_message_preview,
      provider_created_at, raw, updated_at)
    SELECT ${connectionId}::uuid, i.external_id, i.kind::"ChatKind", i.title, i.avatar_url,
      (CASE WHEN u.closed_here THEN 'closed' ELSE i.status END)::"ChatStatus",
      i.provider_status, i.phone, i.public_link, i.participants_count,
      CASE WHEN u.read_here AND i.provider_unread_count IS NOT NULL THEN 0 ELSE i.provider_unread_count END,
      i.last_message_at, i.last_message_preview, i.provider_created_at, i.raw, now()
    FROM input i LEFT JOIN undelivered u ON u.external_id = i.external_id
    ON CONFLICT (connection_id, external_id) DO UPDATE SET
      kind = EXCLUDED.kind,
      title = EXCLUDED.title,
      avatar_url = EXCLUDED.avatar_url,
      status = EXCLUDED.status,
      provider_status = EXCLUDED.provider_status,
      phone = COALESCE(EXCLUDED.phone, c.phone),
      public_link = COALESCE(EXCLUDED.public_link, c.public_link),
      participants_count = COALESCE(EXCLUDED.participants_count, c.participants_count),
      provider_unread_count = EXCLUDED.provider_unread_count,
      last_message_at = GREATEST(c.last_message_at, EXCLUDED.last_message_at),
      last_message_preview = CASE
        WHEN EXCLUDED.last_message_preview IS NOT NULL
          AND (c.last_message_at IS NULL OR EXCLUDED.last_message_at >= c.last_message_at)
        THEN EXCLUDED.last_message_preview ELSE c.last_message_preview END,
      provider_created_at = COALESCE(EXCLUDED.provider_created_at, c.provider_created_at),
      raw = EXCLUDED.raw,
      updated_at = now()
    WHERE c.raw IS DISTINCT FROM EXCLUDED.raw
      OR (c.kind, c.title, c.avatar_url, c.status, c.provider_status, c.provider_unread_count)
        IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.title, EXCLUDED.avatar_url, EXCLUDED.status,
          EXCLUDED.provider_status, EXCLUDED.provider_unread_count)
      OR (EXCLUDED.phone IS NOT NULL AND c.phone IS DISTINCT FROM EXCLUDED.phone)
      OR (EXCLUDED.public_link IS NOT NULL AND c.public_link IS DISTINCT FROM EXCLUDED.public_link)
      OR (EXCLUDED.participants_count IS NOT NULL AND c.participants_count IS DISTINCT FROM EXCLUDED.participants_count)
      OR EXCLUDED.last_message_at > c.last_message_at
      OR (c.last_message_at IS NULL AND EXCLUDED.last_message_at IS NOT NULL)
    RETURNING c.id, c.external_id AS "externalId", (c.xmax = 0) AS inserted`;
  const changedByExternalId = new Map(changed.map((row) => [row.externalId, row]));
  const all = await tx.$queryRaw<Array<{ id: number; externalId: string }>>`
    SELECT id, external_id AS "externalId" FROM chats
    WHERE connection_id = ${connectionId}::uuid
      AND external_id = ANY(${rows.map((row) => row.external_id)}::text[])`;
  return all.map((row) => {
    const change = changedByExternalId.get(row.externalId);
    return {
      id: row.id,
      externalId: row.externalId,
      inserted: change?.inserted ?? false,
      changed: change !== undefined,
    };
  });
}
