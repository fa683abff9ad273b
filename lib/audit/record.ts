import type { DbClient } from "@/lib/db";

export type AuditAction =
  | "chat.mark_read"
  | "chat.mark_unread"
  | "chat.close"
  | "message.send"
  | "message.retry"
  | "participant.remove"
  | "chat.lookup";

/** Writes who did what, in the transaction of the action itself. */
export async function recordAudit(
  client: DbClient,
  entry: { userId: string; action: AuditAction; chatId?: number; details?: Record<string, unknown> },
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
