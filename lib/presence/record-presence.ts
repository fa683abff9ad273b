import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PRESENCE_TTL_MS, type PresenceRequest, TYPING_SIGNAL_MS, TYPING_TTL_MS } from "@/lib/presence/presence.types";

const interval = (ms: number) => `${ms} milliseconds`;

/**
 * A tab's heartbeat: it shows `chatId` (and, for "typing", its agent types there), or it left.
 * One statement; the presence table's trigger NOTIFYs every instance only when something changed
 * (a new tab, another chat, typing started or stopped, a leave), so a heartbeat that just keeps a
 * tab present reaches nobody. A typing signal within 2 s of the last one taken is ignored (the
 * tab stays present). A tab id belongs to the agent who first used it.
 */
export async function recordPresence(
  client: DbClient,
  { userId, chatId, request }: { userId: string; chatId: number; request: PresenceRequest },
): Promise<void> {
  if (request.state === "left") {
    await client.$executeRaw`DELETE FROM presence WHERE tab_id = ${request.tab}::uuid AND user_id = ${userId}`;
    return;
  }
  const typing = request.state === "typing";
  const written = await client.$executeRaw`
    INSERT INTO presence AS p (tab_id, user_id, chat_id, typing_until, typed_at, expires_at)
    SELECT ${request.tab}::uuid, ${userId}, c.id,
      CASE WHEN ${typing} THEN now() + ${interval(TYPING_TTL_MS)}::interval END,
      CASE WHEN ${typing} THEN now() END,
      now() + ${interval(PRESENCE_TTL_MS)}::interval
    FROM chats c JOIN connections k ON k.id = c.connection_id AND k.enabled
    WHERE c.id = ${chatId}
    ON CONFLICT (tab_id) DO UPDATE SET
      chat_id = EXCLUDED.chat_id,
      expires_at = EXCLUDED.expires_at,
      typing_until = CASE
        WHEN ${typing} AND (p.chat_id <> EXCLUDED.chat_id OR p.typed_at IS NULL
          OR p.typed_at <= now() - ${interval(TYPING_SIGNAL_MS)}::interval) THEN EXCLUDED.typing_until
        WHEN p.chat_id <> EXCLUDED.chat_id THEN NULL
        ELSE p.typing_until END,
      typed_at = CASE
        WHEN ${typing} AND (p.chat_id <> EXCLUDED.chat_id OR p.typed_at IS NULL
          OR p.typed_at <= now() - ${interval(TYPING_SIGNAL_MS)}::interval) THEN now()
        WHEN p.chat_id <> EXCLUDED.chat_id THEN NULL
        ELSE p.typed_at END
    WHERE p.user_id = EXCLUDED.user_id`;
  if (written === 0) throw new AppError("NOT_FOUND", "Chat not found");
}
