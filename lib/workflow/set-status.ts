import { recordAudit } from "@/lib/audit/record";
import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import type { ChatStatusState, SetStatusRequest, Snooze } from "@/lib/workflow/set-status.types";
import { snoozeEnd } from "@/lib/workflow/snooze-time";

/** The furthest a snooze may reach. */
const LONGEST_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;

function snoozeUntil(snooze: Snooze, now: Date): Date {
  const until = "preset" in snooze ? snoozeEnd(snooze.preset, snooze.timeZone, now) : new Date(snooze.until);
  if (until.getTime() <= now.getTime()) throw new AppError("BAD_REQUEST", "Choose a time in the future");
  if (until.getTime() - now.getTime() > LONGEST_SNOOZE_MS) {
    throw new AppError("BAD_REQUEST", "A chat can be snoozed for a year at most");
  }
  return until;
}

/**
 * Moves a chat through the inbox's own workflow (open, pending until a time, resolved), apart from
 * the provider's close. Live for everyone and in the audit log; choosing the state a chat is already
 * in (with the same time) changes nothing.
 */
export async function setChatStatus(
  prisma: Db,
  {
    chatId,
    userId,
    request,
    now = new Date(),
  }: { chatId: number; userId: string; request: SetStatusRequest; now?: Date },
): Promise<ChatStatusState> {
  const chat = await findVisibleChat(prisma, chatId);
  const until = request.status === "pending" ? snoozeUntil(request.snooze, now) : null;
  const state: ChatStatusState = { status: request.status, snoozedUntil: until?.toISOString() ?? null };
  return prisma.$transaction(async (tx) => {
    const [changed] = await tx.$queryRaw<Array<{ from: string }>>`
      UPDATE chats c SET inbox_status = ${request.status}::"InboxStatus", snoozed_until = ${until},
        status_changed_at = now(), updated_at = now()
      FROM (SELECT id, inbox_status, snoozed_until FROM chats WHERE id = ${chatId} FOR UPDATE) before
      WHERE c.id = before.id
        AND (before.inbox_status::text, before.snoozed_until) IS DISTINCT FROM (${request.status}, ${until}::timestamptz)
      RETURNING before.inbox_status::text AS "from"`;
    if (!changed) return state;
    await recordAudit(tx, {
      userId,
      action: "chat.status",
      chatId,
      details: { from: changed.from, to: request.status, snoozedUntil: state.snoozedUntil },
    });
    await emitChanges(tx, [
      { type: "chat.changed", chatId, connectionId: chat.connectionId },
      { type: "counts.changed", connectionId: chat.connectionId },
    ]);
    return state;
  });
}
