import type { DbClient, DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { jsonParam } from "@/lib/ingest/json-param";
import type { ChatMessages } from "@/lib/ingest/message-upsert";
import { PENDING_ID_PATTERN } from "@/lib/ingest/pending-id";
import type { NormalizedMessage } from "@/lib/providers/types";

/**
 * Whether a message the provider lists is one the inbox sent and still holds as pending. One
 * rule, used by the sync (which renames our pending row instead of adding a second one), by the
 * outbox before it repeats a send whose outcome it did not see, and by record-sent (which merges
 * a row the sync stored on its own). A provider message M is our pending send P when:
 * - they are in the same chat, M is outbound, and P is an outbound inbox send (a client id)
 *   whose external id is still pending;
 * - their texts are equal once runs of whitespace are collapsed to one space and the ends
 *   trimmed (providers trim, and some fold line breaks);
 * - M is dated no earlier than P's creation less CLOCK_SKEW (nothing reaches the provider
 *   before it was typed, give or take the clocks), and no later than LATE_ARRIVAL after the last
 *   moment the outbox may have sent P: its creation, an attempt that may have arrived unseen,
 *   its completion, or now while an attempt is under way;
 * - M is not stored as another inbox send;
 * - pairs are made one to one, nearest in time first, so two identical "ok"s a minute apart
 *   stay two messages.
 *
 * Mistakes cost unequally, hence the tight windows: taking a message someone wrote in the
 * provider's own app for ours would never send ours, while missing ours only shows it twice
 * until the outbox records the provider's answer and record-sent merges the two rows.
 */
const CLOCK_SKEW = "2 minutes";
const LATE_ARRIVAL = "5 minutes";

export type OwnSendPair = {
  chatId: number;
  /** The provider's id of the message. */
  externalId: string;
  /** Our pending row. */
  pendingId: number;
  /** The provider's message already has a row of its own (a twin the sync stored). */
  stored: boolean;
};

/** The rule's text comparison, on both sides in SQL so there is one definition of "same text". */
const sameText = (column: Prisma.Sql) => Prisma.sql`btrim(regexp_replace(${column}, '\\s+', ' ', 'g'))`;

/** A stored row under the provider's id that is another inbox send than `ours`: never ours. */
export const isAnotherInboxSend = (row: { id: number; clientId: string | null }, ours: { id: number }) =>
  row.clientId !== null && row.id !== ours.id;

/**
 * The one SQL fragment of the rule: every (provider message, pending send) pair it allows, with
 * their distance in time. `incoming` is a JSON array of {chat_id, external_id, text, created_at}.
 */
function candidatesSql(incoming: string): Prisma.Sql {
  return Prisma.sql`
    WITH incoming AS (
      SELECT * FROM jsonb_to_recordset(${incoming}::jsonb)
        AS t(chat_id int, external_id text, text text, created_at timestamptz)
    )
    SELECT i.chat_id AS "chatId", i.external_id AS "externalId", p.id AS "pendingId",
      abs(extract(epoch FROM p.created_at - i.created_at))::float8 AS gap,
      EXISTS (SELECT 1 FROM messages e WHERE e.chat_id = i.chat_id AND e.external_id = i.external_id) AS stored
    FROM incoming i
    JOIN messages p ON p.chat_id = i.chat_id AND p.direction = 'outbound' AND p.client_id IS NOT NULL
      AND p.external_id LIKE ${PENDING_ID_PATTERN}
      AND ${sameText(Prisma.sql`p.text`)} = ${sameText(Prisma.sql`i.text`)}
    LEFT JOIN LATERAL (
      SELECT o.status, o.unconfirmed_since, o.completed_at FROM outbox_actions o
      WHERE o.message_id = p.id AND o.kind = 'send_message' ORDER BY o.id DESC LIMIT 1
    ) o ON true
    WHERE ${sameText(Prisma.sql`i.text`)} <> ''
      AND i.created_at >= p.created_at - ${CLOCK_SKEW}::interval
      AND i.created_at <= GREATEST(p.created_at, o.unconfirmed_since, o.completed_at,
        CASE WHEN o.status = 'in_flight' THEN now() END) + ${LATE_ARRIVAL}::interval
      AND NOT EXISTS (
        SELECT 1 FROM messages e
        WHERE e.chat_id = i.chat_id AND e.external_id = i.external_id AND e.client_id IS NOT NULL AND e.id <> p.id)
    ORDER BY gap, p.id`;
}

/** Pairs the provider's outbound messages with our pending sends by the rule, one to one. */
export async function pairOwnSends(client: DbClient, batches: ChatMessages[]): Promise<OwnSendPair[]> {
  const outbound = batches.flatMap(({ chatId, messages }) =>
    messages
      .filter((message) => message.direction === "outbound" && message.text !== null)
      .map((message) => ({
        chat_id: chatId,
        external_id: message.externalId,
        text: message.text,
        created_at: message.createdAt,
      })),
  );
  if (outbound.length === 0) return [];
  const candidates = await client.$queryRaw<Array<OwnSendPair & { gap: number }>>(candidatesSql(jsonParam(outbound)));
  const taken = new Set<number>();
  const paired = new Set<string>();
  const pairs: OwnSendPair[] = [];
  for (const { gap: _gap, ...candidate } of candidates) {
    const key = `${candidate.chatId}:${candidate.externalId}`;
    if (taken.has(candidate.pendingId) || paired.has(key)) continue;
    taken.add(candidate.pendingId);
    paired.add(key);
    pairs.push(candidate);
  }
  return pairs;
}

/**
 * The sync's use: our pending rows that the provider now lists are renamed to the provider's
 * ids instead of a second row being added. A provider message that already has a row of its own
 * is left to record-sent, which merges the two once the outbox hears the provider's answer.
 */
export async function adoptOwnSends(tx: DbTransaction, batches: ChatMessages[]): Promise<void> {
  const renames = (await pairOwnSends(tx, batches))
    .filter((pair) => !pair.stored)
    .map((pair) => ({ id: pair.pendingId, external_id: pair.externalId }));
  if (renames.length === 0) return;
  // Still pending only: the outbox may have renamed the row meanwhile, and its name wins.
  await tx.$executeRaw`
    UPDATE messages m SET external_id = r.external_id
    FROM jsonb_to_recordset(${jsonParam(renames)}::jsonb) AS r(id int, external_id text)
    WHERE m.id = r.id AND m.external_id LIKE ${PENDING_ID_PATTERN}`;
}

/**
 * The outbox's use, before it repeats a send whose earlier attempt may have arrived unseen: the
 * provider's copy of `send` among `listed` (the chat's newest page), or null.
 * The limit: a busy chat may push the copy off the newest page.
 */
export async function findOwnSendCopy(
  client: DbClient,
  send: { id: number; chatId: number },
  listed: NormalizedMessage[],
): Promise<NormalizedMessage | null> {
  const pair = (await pairOwnSends(client, [{ chatId: send.chatId, messages: listed }])).find(
    (candidate) => candidate.pendingId === send.id,
  );
  return listed.find((message) => message.externalId === pair?.externalId) ?? null;
}
