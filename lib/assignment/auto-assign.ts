import { recordAudit } from "@/lib/audit/record";
import type { DbTransaction } from "@/lib/db";

/**
 * With the team's auto-assign on, the agent replying to an unassigned chat becomes its assignee.
 * Runs in the reply's transaction; true when it assigned (the caller's events then carry the change).
 */
export async function assignOnFirstReply(
  tx: DbTransaction,
  { chatId, userId }: { chatId: number; userId: string },
): Promise<boolean> {
  const assigned = await tx.$executeRaw`
    UPDATE chats SET assignee_id = ${userId}, updated_at = now()
    WHERE id = ${chatId} AND assignee_id IS NULL
      AND (SELECT auto_assign FROM inbox_settings WHERE id)`;
  if (assigned === 0) return false;
  await recordAudit(tx, {
    userId,
    action: "chat.assign",
    chatId,
    details: { from: null, to: userId, auto: true },
  });
  return true;
}
