import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { CHAT_VIEWS, type ChatView } from "@/lib/chats/list-chats.types";
import { chooseSearchPlan, type SearchPlan, searchCondition } from "@/lib/chats/search";
import { HAS_UNDELIVERED } from "@/lib/chats/undelivered";
import { type DbClient, readRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { PROVIDER_KINDS } from "@/lib/providers/types";
import { INBOX_STATUSES, type InboxStatus } from "@/lib/workflow/set-status.types";

export const ZListChatsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Connection ids (repeatable). */
  connection: z.union([z.uuid(), z.array(z.uuid())]).optional(),
  provider: z.enum(PROVIDER_KINDS).optional(),
  unread: z.enum(["1", "true"]).optional(),
  /** The provider's open/closed. */
  status: z.enum(["open", "closed"]).optional(),
  q: z.string().trim().max(200).optional(),
  view: z.enum(CHAT_VIEWS).optional(),
  /** The inbox's own status (open, pending, resolved). */
  state: z.enum(INBOX_STATUSES).optional(),
  /** Open chats whose customer waits for an answer, longest wait first. */
  needsReply: z.enum(["1", "true"]).optional(),
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
  assigneeId: string | null;
  inboxStatus: InboxStatus;
  snoozedUntil: string | null;
  /** Since when the customer waits for an answer (their first message after the team's last reply). */
  waitingSince: string | null;
};

export type ChatListPage = { items: ChatListItem[]; nextCursor: string | null };

type ChatListRow = Omit<ChatListItem, "lastMessageAt" | "activityAt" | "snoozedUntil" | "waitingSince"> & {
  lastMessageAt: Date | null;
  activityAt: Date;
  snoozedUntil: Date | null;
  waitingSince: Date | null;
};

export const CHAT_LIST_COLUMNS = Prisma.sql`c.id, c.connection_id AS "connectionId", c.title, c.avatar_url AS "avatarUrl",
  c.kind::text AS kind, c.status::text AS status, c.phone, c.last_message_at AS "lastMessageAt",
  c.last_message_preview AS "lastMessagePreview", c.activity_at AS "activityAt", c.unread_count AS "unreadCount",
  c.assignee_id AS "assigneeId", c.inbox_status::text AS "inboxStatus", c.snoozed_until AS "snoozedUntil",
  c.waiting_since AS "waitingSince"`;

export function toChatListItem(row: ChatListRow): ChatListItem {
  return {
    ...row,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    activityAt: row.activityAt.toISOString(),
    snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
    waitingSince: row.waitingSince?.toISOString() ?? null,
  };
}

/** Who asks: Mine and Mentions are the caller's. */
export type ListViewer = { userId: string };

function viewCondition(view: ChatView | undefined, viewer: ListViewer): Prisma.Sql | null {
  if (view === "mine") return Prisma.sql`c.assignee_id = ${viewer.userId}`;
  if (view === "unassigned") return Prisma.sql`c.assignee_id IS NULL`;
  if (view === "undelivered") return HAS_UNDELIVERED;
  if (view === "mentions") {
    return Prisma.sql`c.id IN (SELECT n.chat_id FROM note_mentions n WHERE n.user_id = ${viewer.userId} AND n.seen_at IS NULL)`;
  }
  return null;
}

/**
 * The one indexed query behind a page of the list (exported so the benchmark can time it bare).
 * Newest activity first; Needs reply instead puts the longest wait first.
 */
export function listChatsSql(
  query: ListChatsQuery,
  viewer: ListViewer,
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
  const view = viewCondition(query.view, viewer);
  if (view) conditions.push(view);
  if (query.state) conditions.push(Prisma.sql`c.inbox_status = ${query.state}::"InboxStatus"`);
  if (query.needsReply) conditions.push(Prisma.sql`c.inbox_status = 'open' AND c.waiting_since IS NOT NULL`);
  if (query.q) conditions.push(searchCondition(query.q, searchPlan));
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after && query.needsReply) conditions.push(Prisma.sql`(c.waiting_since, c.id) > (${after.at}, ${after.id})`);
  else if (after) conditions.push(Prisma.sql`(c.activity_at, c.id) < (${after.at}, ${after.id})`);
  const order = query.needsReply
    ? Prisma.sql`c.waiting_since ASC, c.id ASC`
    : Prisma.sql`c.activity_at DESC, c.id DESC`;
  return Prisma.sql`
    SELECT ${CHAT_LIST_COLUMNS}
    FROM chats c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${order}
    LIMIT ${query.limit + 1}`;
}

/**
 * One page of the chat list, newest activity first (Needs reply: longest wait first), as one
 * indexed query (keyset paging on the sort time and id: deep pages cost the same as the first).
 */
export async function listChats(client: DbClient, query: ListChatsQuery, viewer: ListViewer): Promise<ChatListPage> {
  const searchPlan = query.q ? await chooseSearchPlan(client, query.q) : undefined;
  const rows = await readRows<ChatListRow>(client, listChatsSql(query, viewer, searchPlan));
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  const at = last && (query.needsReply ? last.waitingSince : last.activityAt);
  return {
    items: page.map(toChatListItem),
    nextCursor: hasMore && last && at ? encodeCursor({ at, id: last.id }) : null,
  };
}
