/**
 * Timestamps of the Chat operations API.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 *
 * The seed shows the same chat's `registeredAt` as "2024-12-11T08:54:03.000Z" in the detail and
 * "2024-12-11T08:54:03" (no zone) in the list. Same chat, same clock reading: the list drops the
 * zone of a UTC time, so a time without a zone is read as UTC. An explicit zone is honoured.
 */

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseChatOpsTimestamp(text: string): Date | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, clock = "", fraction = "", zone = "Z"] = match;
  // Date only parses milliseconds reliably; micro- and nanoseconds (Java's Instant) are cut.
  const millis = fraction.slice(0, 4);
  const offset = /^z$/i.test(zone) ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${clock}${millis}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
