import type { DbClient } from "@/lib/db";

export type AuditAction =
  | "chat.mark_read"
  | "chat.mark_unread"
  | "chat.close"
  | "message.send"
  | "message.retry"
  | "participant.remove"
  | "chat.lookup"
  | "chat.assign"
  | "chat.status"
  | "chat.snooze_expired"
  | "note.add"
  | "settings.team";

/**
 * Writes who did what, in the transaction of the action itself. `userId` null: the inbox did it
 * on its own (a snooze ran out). A customer's message reopening a chat is written by lib/ingest
 * as "chat.reopen".
 */
export async function recordAudit(
  client: DbClient,
  entry: { userId: string | null; action: AuditAction; chatId?: number; details?: Record<string, unknown> },
): Promise<void> {
  await client.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      chatId: entry.chatId,
      details: (entry.details ?? {}) as object,
    },
  });
}
