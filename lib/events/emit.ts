import type { DbClient } from "@/lib/db";
import type { ChangeEvent } from "@/lib/events/types";

/**
 * Records changes for the browsers. Call it inside the transaction that made the change:
 * the rows' trigger NOTIFYs every app instance only when that transaction commits.
 */
export async function emitChanges(client: DbClient, events: ChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  await client.changeEvent.createMany({
    data: events.map(({ type, ...payload }) => ({ type, payload })),
  });
}
