import type { DbClient } from "@/lib/db";
import type { PresenceEntry } from "@/lib/presence/presence.types";

/** Every tab present on a chat right now (the table holds one row per open tab: a few hundred at most). */
export async function listPresence(client: DbClient): Promise<PresenceEntry[]> {
  return client.$queryRaw<PresenceEntry[]>`
    SELECT tab_id::text AS tab, chat_id AS "chatId", user_id AS "userId",
      CASE WHEN typing_until > now() THEN 'typing' ELSE 'viewing' END AS state
    FROM presence WHERE expires_at > now()
    ORDER BY chat_id, user_id, tab_id`;
}
