import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { chooseSearchPlan, type SearchPlan, searchCondition } from "@/lib/chats/search";
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { PROVIDER_KINDS } from "@/lib/providers/types";

export const ZListChatsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Connection ids (repeatable). */
  connection: z.union([z.uuid(), z.array(z.uuid())]).optional(),
  provider: z.enum(PROVIDER_KINDS).optional(),
  unread: z.enum(["1", "true"]).optional(),
  status: z.enum(["open", "closed"]).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListChatsQuery = z.infer<typeof ZListChatsQuery>;

export type ChatListItem = {
  id: number;
  connectionId: string;
  title: string;
  avatarUrl: string | null;
  kind: "dialog" | "group" | "channel";
  status: "open" | "closed";
  phone: string | null;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  activityAt: string;
  unreadCount: number;
};

export type ChatListPage = { items: ChatListItem[]; nextCursor: string | null };

type ChatListRow = Omit<ChatListItem, "lastMessageAt" | "activityAt"> & {
  lastMessageAt: Date | null;
  activityAt: Date;
};

export const CHAT_LIST_COLUMNS = Prisma.sql`c.id, c.connection_id AS "connectionId", c.title, c.avatar_url AS "avatarUrl",
  c.kind::text AS kind, c.status::text AS status, c.phone, c.last_message_at AS "lastMessageAt",
  c.last_message_preview AS "lastMessagePreview", c.activity_at AS "activityAt", c.unread_count AS "unreadCount"`;

export function toChatListItem(row: ChatListRow): ChatListItem {
  return { ...row, lastMessageAt: row.lastMessageAt?.toISOString() ?? null, activityAt: row.activityAt.toISOString() };
}

/** The one indexed query behind a page of the list (exported so the benchmark can time it bare). */
export function listChatsSql(
  query: ListChatsQuery,
  searchPlan: SearchPlan = { titles: "collected", messages: "collected" },
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.connection_id IN (SELECT id FROM connections WHERE enabled)`];
  const connections = query.connection === undefined ? [] : [query.connection].flat();
  if (connections.length > 0) conditions.push(Prisma.sql`c.connection_id::text IN (${Prisma.join(connections)})`);
  if (query.provider) {
    conditions.push(
      Prisma.sql`c.connection_id IN (SELECT id FROM connections WHERE kind = ${query.provider}::"ProviderKind")`,
    );
  }
  if (query.unread) conditions.push(Prisma.sql`c.unread_count > 0`);
  if (query.status) conditions.push(Prisma.sql`c.status = ${query.status}::"ChatStatus"`);
  if (query.q) conditions.push(searchCondition(query.q, searchPlan));
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(Prisma.sql`(c.activity_at, c.id) < (${after.at}, ${after.id})`);
  }
  return Prisma.sql`
    SELECT ${CHAT_LIST_COLUMNS}
    FROM chats c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c.activity_at DESC, c.id DESC
    LIMIT ${query.limit + 1}`;
}

/**
 * One page of the chat list, newest activity first, as one indexed query (keyset paging on
 * activity time and id: deep pages cost the same as the first).
 */
export async function listChats(client: DbClient, query: ListChatsQuery): Promise<ChatListPage> {
  const searchPlan = query.q ? await chooseSearchPlan(client, query.q) : undefined;
  const rows = await client.$queryRaw<ChatListRow[]>(listChatsSql(query, searchPlan));
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(toChatListItem),
    nextCursor: hasMore && last ? encodeCursor({ at: last.activityAt, id: last.id }) : null,
  };
}
