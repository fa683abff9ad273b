import type { MessageView } from "@/lib/messages/list-messages";

export type ThreadRow =
  | { type: "day"; key: string; day: string; at: string }
  | { type: "message"; key: string; message: MessageView; showAuthor: boolean };

/** Consecutive messages of one author within this time share one author line. */
const GROUP_WINDOW_MS = 5 * 60_000;

/** A message's row key survives the moment a send is confirmed (its id changes, its clientId does not). */
export const messageKey = (message: MessageView) => (message.clientId ? `c:${message.clientId}` : `m:${message.id}`);

/**
 * The rows of a thread, oldest first: a day separator before the first message of each day
 * (`dayOf` gives the local calendar day of a timestamp) and author lines only where the
 * author changes.
 */
export function threadRows(messages: MessageView[], dayOf: (iso: string) => string): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let previous: MessageView | null = null;
  let currentDay: string | null = null;
  for (const message of messages) {
    const day = dayOf(message.createdAt);
    const newDay = day !== currentDay;
    if (newDay) {
      rows.push({ type: "day", key: `day:${day}`, day, at: message.createdAt });
      currentDay = day;
    }
    const continues =
      !newDay &&
      previous !== null &&
      message.direction !== "system" &&
      previous.direction === message.direction &&
      previous.authorName === message.authorName &&
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_WINDOW_MS;
    rows.push({ type: "message", key: messageKey(message), message, showAuthor: !continues });
    previous = message;
  }
  return rows;
}
