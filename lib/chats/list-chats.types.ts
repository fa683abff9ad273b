/**
 * The chat list's views: everything, the caller's chats, nobody's, chats where the caller is
 * mentioned, and chats with a message of ours that did not reach the customer.
 */
export const CHAT_VIEWS = ["all", "mine", "unassigned", "mentions", "undelivered"] as const;
export type ChatView = (typeof CHAT_VIEWS)[number];
