import { Prisma } from "@/lib/generated/prisma/client.ts";

/** How long a send may stay unconfirmed by its provider before the team is told it did not arrive. */
export const UNCONFIRMED_AFTER = Prisma.sql`interval '5 minutes'`;

/**
 * An outgoing message (alias `m`) that did not reach the customer: its send failed, or the
 * provider has not confirmed it after five minutes. Matches messages_undelivered_idx.
 */
export const UNDELIVERED_MESSAGE = Prisma.sql`m.direction = 'outbound' AND (
  m.delivery_state = 'failed' OR (m.delivery_state = 'pending' AND m.created_at < now() - ${UNCONFIRMED_AFTER}))`;

/** The chats (alias `c`) with such a message. */
export const HAS_UNDELIVERED = Prisma.sql`c.id IN (
  SELECT m.chat_id FROM messages m
  WHERE m.direction = 'outbound' AND m.delivery_state IN ('failed', 'pending') AND ${UNDELIVERED_MESSAGE})`;
