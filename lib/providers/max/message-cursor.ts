/**
 * Paging backwards through GET /messages (docs/providers/max.md: newest first, `from`/`to` are
 * times, `count` 1..100). MAX pages by time, not by position, and several messages can share a
 * millisecond, so the next page starts *at* the oldest time seen (the bound is inclusive) and the
 * cursor remembers which messages at that exact time were already returned.
 */
import { z } from "zod";
import { ProviderError } from "@/lib/providers/errors";
import type { MaxMessage } from "@/lib/providers/max/schemas";

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
export function pageAfter(
  messages: MaxMessage[],
  requested: number,
  cursor: MessageCursor | null,
): { fresh: MaxMessage[]; next: MessageCursor | null } {
  const seen = new Set(cursor?.seen);
  const fresh = messages.filter((message) => !seen.has(message.body.mid));
  if (messages.length < requested) return { fresh, next: null };
  const oldest = Math.min(...messages.map((message) => message.timestamp));
  if (fresh.length === 0) return { fresh, next: { from: oldest - 1, seen: [] } };
  const atOldest = messages.filter((message) => message.timestamp === oldest).map((message) => message.body.mid);
  const stillSeen = cursor?.from === oldest ? cursor.seen : [];
  return { fresh, next: { from: oldest, seen: [...new Set([...stillSeen, ...atOldest])] } };
}
