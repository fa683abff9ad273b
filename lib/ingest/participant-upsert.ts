import type { DbTransaction } from "@/lib/db";
import { jsonParam } from "@/lib/ingest/json-param";
import type { NormalizedParticipant } from "@/lib/providers/types";

/**
 * Makes a chat's stored members the provider's current list: new ones added, known ones
 * updated, members no longer listed kept but inactive. A member an agent removed stays
 * inactive while the removal is still on its way to the provider.
 * Returns whether anything changed.
 */
export async function upsertParticipants(
  tx: DbTransaction,
  chatId: number,
  participants: NormalizedParticipant[],
): Promise<boolean> {
  const rows = [...new Map(participants.map((participant) => [participant.externalId, participant])).values()].map(
    (participant) => ({
      external_id: participant.externalId,
      name: participant.name,
      username: participant.username,
      is_active: participant.isActive,
      is_bot: participant.isBot,
      joined_at: participant.joinedAt,
      invited_by: participant.invitedBy,
      raw: participant.raw ?? null,
    }),
  );
  const upserted = await tx.$queryRaw<Array<{ id: number }>>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${jsonParam(rows)}::jsonb) AS t(external_id text, name text, username text,
        is_active boolean, is_bot boolean, joined_at timestamptz, invited_by text, raw jsonb)
    ),
    removing AS (
      SELECT DISTINCT o.payload->>'participantExternalId' AS external_id FROM outbox_actions o
      WHERE o.chat_id = ${chatId} AND o.kind = 'remove_participant' AND o.status IN ('pending', 'in_flight')
    )
    INSERT INTO participants AS p (chat_id, external_id, name, username, is_active, is_bot, joined_at, invited_by, raw, updated_at)
    SELECT ${chatId}, i.external_id, i.name, i.username, i.is_active AND r.external_id IS NULL, i.is_bot, i.joined_at,
      i.invited_by, i.raw, now()
    FROM input i LEFT JOIN removing r ON r.external_id = i.external_id
    ON CONFLICT (chat_id, external_id) DO UPDATE SET
      name = EXCLUDED.name, username = EXCLUDED.username, is_active = EXCLUDED.is_active, is_bot = EXCLUDED.is_bot,
      joined_at = COALESCE(EXCLUDED.joined_at, p.joined_at), invited_by = COALESCE(EXCLUDED.invited_by, p.invited_by),
      raw = EXCLUDED.raw, updated_at = now()
    WHERE (p.name, p.username, p.is_active, p.is_bot, p.raw) IS DISTINCT FROM
      (EXCLUDED.name, EXCLUDED.username, EXCLUDED.is_active, EXCLUDED.is_bot, EXCLUDED.raw)
    RETURNING p.id`;
  const departed = await tx.$executeRaw`
    UPDATE participants SET is_active = false, updated_at = now()
    WHERE chat_id = ${chatId} AND is_active
      AND NOT (external_id = ANY(${rows.map((row) => row.external_id)}::text[]))`;
  return upserted.length > 0 || departed > 0;
}
