import { changeEventSchema, type DeliveredChangeEvent } from "@/lib/events/types";

/**
 * A stored change event (a change_events row, or the NOTIFY payload that mirrors it) as the
 * browsers receive it; null when it is not an event this version knows (a newer instance may
 * write types an older one cannot describe).
 */
export function toDeliveredEvent(id: string | bigint, type: string, payload: unknown): DeliveredChangeEvent | null {
  const fields = typeof payload === "object" && payload !== null ? payload : {};
  const parsed = changeEventSchema.safeParse({ ...fields, type });
  return parsed.success ? { ...parsed.data, id: String(id) } : null;
}
