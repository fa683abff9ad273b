import { activeStaffIds } from "@/lib/assignment/staff";
import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import { inIngestTransaction } from "@/lib/ingest/transaction";

export type Assignment = { assigneeId: string | null };

/**
 * Gives a chat to a teammate (or to nobody): at most one assignee, live for everyone (the chat
 * and the views' counts change) and recorded in the audit log. Assigning to the current assignee
 * changes nothing and records nothing.
 */
export async function assignChat(
  prisma: Db,
  { chatId, actorId, assigneeId }: { chatId: number; actorId: string; assigneeId: string | null },
): Promise<Assignment> {
  const chat = await findVisibleChat(prisma, chatId);
  if (assigneeId !== null && !(await activeStaffIds(prisma, [assigneeId])).has(assigneeId)) {
    throw new AppError("BAD_REQUEST", "No active teammate has this id");
  }
  // Retried on a deadlock: two reassignments in opposite directions touch the same two count rows.
  return inIngestTransaction(prisma, async (tx) => {
    const [changed] = await tx.$queryRaw<Array<{ from: string | null }>>`
      UPDATE chats c SET assignee_id = ${assigneeId}, updated_at = now()
      FROM (SELECT id, assignee_id FROM chats WHERE id = ${chatId} FOR UPDATE) before
      WHERE c.id = before.id AND before.assignee_id IS DISTINCT FROM ${assigneeId}
      RETURNING before.assignee_id AS "from"`;
    if (!changed) return { assigneeId };
    await recordAudit(tx, {
      userId: actorId,
      action: "chat.assign",
      chatId,
      details: { from: changed.from, to: assigneeId },
    });
    await emitChanges(tx, [
      { type: "chat.changed", chatId, connectionId: chat.connectionId },
      { type: "counts.changed", connectionId: chat.connectionId },
    ]);
    return { assigneeId };
  });
}
