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
  | "chat.reopen"
  | "note.add"
  | "settings.team"
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "staff.invite"
  | "staff.role_change"
  | "staff.deactivate"
  | "staff.reactivate"
  | "staff.password_reset"
  | "staff.password_set"
  | "profile.update"
  | "profile.password_change"
  | "connection.create"
  | "connection.update"
  | "connection.delete"
  | "reply.create"
  | "reply.update"
  | "reply.delete";

/** Every action, for the audit page's filter. */
export const AUDIT_ACTIONS: readonly string[] = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "chat.mark_read",
  "chat.mark_unread",
  "chat.close",
  "chat.lookup",
  "chat.assign",
  "chat.status",
  "chat.snooze_expired",
  "chat.reopen",
  "note.add",
  "message.send",
  "message.retry",
  "participant.remove",
  "settings.team",
  "staff.invite",
  "staff.role_change",
  "staff.deactivate",
  "staff.reactivate",
  "staff.password_reset",
  "staff.password_set",
  "profile.update",
  "profile.password_change",
  "connection.create",
  "connection.update",
  "connection.delete",
];

/**
 * Writes who did what, in the transaction of the action itself. `userId` null: the inbox did it
 * on its own (a snooze ran out, a failed sign-in names no account). A customer's message reopening
 * a chat is written by lib/ingest as "chat.reopen". Entries are never changed or removed (the
 * database refuses it); `details` must never carry a secret.
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
