import "server-only";
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { InboxNotification, NotificationsPage } from "@/lib/me/notifications.types";

/** At most this many per answer: a burst after a long outage is a summary, not a flood. */
const PAGE_LIMIT = 20;
/**
 * Older messages that arrive now are history being filled in (a new connection, scrolling back),
 * not news: only messages written in the last minutes notify.
 */
const NEWS_WINDOW = Prisma.sql`interval '15 minutes'`;
const PREVIEW_CHARS = 140;

/**
 * What should reach this agent since `after` (a message id, from a previous answer): a customer's
 * message in a chat assigned to them, unassigned, or one they have answered (they follow it), and
 * a note that mentions them and they have not seen. Chats of switched-off connections stay silent.
 * Message ids only grow, so the cursor is the largest id this answer has looked at.
 */
export async function listNotifications(client: DbClient, userId: string, after?: number): Promise<NotificationsPage> {
  const [{ newest }] = await client.$queryRaw<[{ newest: number }]>`
    SELECT coalesce(max(id), 0)::int AS newest FROM messages`;
  if (after === undefined) return { cursor: newest, items: [] };
  const items = await client.$queryRaw<InboxNotification[]>`
    SELECT m.id AS "messageId", m.chat_id AS "chatId", c.title AS "chatTitle",
           left(m.text, ${PREVIEW_CHARS}) AS text,
           CASE WHEN mention.user_id IS NOT NULL THEN 'mention'
                WHEN c.assignee_id = ${userId} THEN 'assigned'
                WHEN c.assignee_id IS NULL THEN 'unassigned'
                ELSE 'following' END AS reason
    FROM messages m
    JOIN chats c ON c.id = m.chat_id
    JOIN connections k ON k.id = c.connection_id AND k.enabled
    LEFT JOIN note_mentions mention
      ON mention.message_id = m.id AND mention.user_id = ${userId} AND mention.seen_at IS NULL
    WHERE m.id > ${after} AND m.id <= ${newest}
      AND m.deleted_at IS NULL
      AND m.created_at > now() - ${NEWS_WINDOW}
      AND (
        mention.user_id IS NOT NULL
        OR (m.direction = 'inbound' AND m.system_event IS NULL AND (
          c.assignee_id IS NULL OR c.assignee_id = ${userId}
          OR EXISTS (
            SELECT 1 FROM messages mine
            WHERE mine.chat_id = m.chat_id AND mine.direction = 'outbound' AND mine.sent_by_id = ${userId}
          )
        ))
      )
    ORDER BY m.id
    LIMIT ${PAGE_LIMIT}`;
  const last = items.at(-1);
  return { cursor: items.length === PAGE_LIMIT && last ? last.messageId : newest, items };
}
