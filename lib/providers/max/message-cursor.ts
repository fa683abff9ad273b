/**
 * Paging backwards through GET /messages (docs/providers/max.md: newest first, `from`/`to` are
 * times, `count` 1..100). MAX pages by time, not by position, and several messages can share a
 * millisecond, so the next page starts *at* the oldest time seen (the bound is inclusive) and the
 * cursor remembers which messages at that exact time were already returned.
 */
import { z } from "zod";
import { ProviderError } from "@/lib/providers/errors";

const cursorSchema = z.object({ from: z.number(), seen: z.array(z.string()) });
export type MessageCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string): MessageCursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch (error) {
    throw new ProviderError("invalid_input", "This MAX message cursor was not made by this adapter", { cause: error });
  }
}

/**
 * The new messages of a page and where the next page starts (null: none older). When a full
 * page holds nothing new — more than `requested` messages in one millisecond, which time
 * paging cannot tell apart — the next page moves one millisecond back rather than loop forever.
 */
export type PagedMessage = { key: string; timestamp: number };

/**
 * `received`: how many items MAX sent, unreadable ones included — a page is the last one only
 * when MAX sent fewer than asked, not when some of what it sent was skipped.
 */
export function pageAfter<T extends PagedMessage>(
  messages: T[],
  requested: number,
  cursor: MessageCursor | null,
  received = messages.length,
): { fresh: T[]; next: MessageCursor | null } {
  const seen = new Set(cursor?.seen);
  const fresh = messages.filter((message) => !seen.has(message.key));
  if (received < requested) return { fresh, next: null };
  if (messages.length === 0) {
    // A full page of items none of which could be read: step past its time span blindly.
    return cursor ? { fresh, next: { from: cursor.from - 1, seen: [] } } : { fresh, next: null };
  }
  const oldest = Math.min(...messages.map((message) => message.timestamp));
  if (fresh.length === 0) return { fresh, next: { from: oldest - 1, seen: [] } };
  const atOldest = messages.filter((message) => message.timestamp === oldest).map((message) => message.key);
  const stillSeen = cursor?.from === oldest ? cursor.seen : [];
  return { fresh, next: { from: oldest, seen: [...new Set([...stillSeen, ...atOldest])] } };
}
