import { z } from "zod";

/** `?after=<cursor>`: what arrived since the cursor a previous answer gave; without it, only the cursor. */
export const ZNotificationsQuery = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});
export type NotificationsQuery = z.infer<typeof ZNotificationsQuery>;

/** Why this message is the agent's business. */
export type NotificationReason = "assigned" | "unassigned" | "following" | "mention";

export type InboxNotification = {
  messageId: number;
  chatId: number;
  chatTitle: string;
  /** The first characters of the message or note; null when it has no text (an attachment). */
  text: string | null;
  reason: NotificationReason;
};

export type NotificationsPage = { cursor: number; items: InboxNotification[] };
