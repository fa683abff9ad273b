import type { DbClient } from "@/lib/db";
import { toDeliveredEvent } from "@/lib/events/delivered-event";
import type { DeliveredChangeEvent } from "@/lib/events/types";

/** Beyond this many missed events, refetching everything is cheaper for the client than replaying. */
export const MAX_REPLAYED_EVENTS = 1_000;

export type ReplayPlan = { kind: "events"; events: DeliveredChangeEvent[] } | { kind: "resync" };

/**
 * What a reconnecting client missed after its last event id: the stored events with a greater
 * id, or "resync" when they can no longer be replayed (pruned, too many, an id this database
 * never issued).
 */
export async function planReplay(client: DbClient, lastEventId: string | null): Promise<ReplayPlan> {
  if (lastEventId === null) return { kind: "events", events: [] };
  if (!/^\d{1,19}$/.test(lastEventId)) return { kind: "resync" };
  const after = BigInt(lastEventId);
  const [bounds] = await client.$queryRaw<Array<{ oldest: bigint | null; newest: bigint | null }>>`
    SELECT min(id) AS oldest, max(id) AS newest FROM change_events`;
  const { oldest, newest } = bounds ?? { oldest: null, newest: null };
  // Events after `after` were pruned (the oldest kept one is further on), or the database was
  // reset and never issued this id.
  if (oldest === null || newest === null || oldest > after + 1n || after > newest) return { kind: "resync" };
  const rows = await client.changeEvent.findMany({
    where: { id: { gt: after } },
    orderBy: { id: "asc" },
    take: MAX_REPLAYED_EVENTS + 1,
  });
  if (rows.length > MAX_REPLAYED_EVENTS) return { kind: "resync" };
  return {
    kind: "events",
    events: rows.flatMap((row) => toDeliveredEvent(row.id, row.type, row.payload) ?? []),
  };
}
