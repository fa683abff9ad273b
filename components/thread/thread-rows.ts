import type { MessageView } from "@/lib/messages/list-messages";

/**
 * One row per message. The day separator belongs to the first message of its day rather than
 * being a row of its own: every row is then a message, so the scroll anchor that keeps the view
 * still while older pages come in is always a message, never a separator that moves up as its
 * day fills in with older messages.
 */
export type ThreadRow = {
  key: string;
  message: MessageView;
  /** The day this message opens (its separator above it), or null. */
  day: { key: string; at: string } | null;
  showAuthor: boolean;
};

/** Consecutive messages of one author within this time share one author line. */
const GROUP_WINDOW_MS = 5 * 60_000;

/** A message's row key survives the moment a send is confirmed (its id changes, its clientId does not). */
export const messageKey = (message: MessageView) => (message.clientId ? `c:${message.clientId}` : `m:${message.id}`);

/**
 * The rows of a thread, oldest first: the first message of each day carries that day (`dayOf`
 * gives the local calendar day of a timestamp), and author lines appear only where the author
 * changes.
 */
export function threadRows(messages: MessageView[], dayOf: (iso: string) => string): ThreadRow[] {
  let previous: MessageView | null = null;
  let currentDay: string | null = null;
  return messages.map((message) => {
    const day = dayOf(message.createdAt);
    const newDay = day !== currentDay;
    currentDay = day;
    const continues =
      !newDay &&
      previous !== null &&
      message.direction !== "system" &&
      previous.direction === message.direction &&
      previous.authorName === message.authorName &&
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_WINDOW_MS;
    previous = message;
    return {
      key: messageKey(message),
      message,
      day: newDay ? { key: day, at: message.createdAt } : null,
      showAuthor: !continues,
    };
  });
}
