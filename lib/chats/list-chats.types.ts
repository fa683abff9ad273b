/** The chat list's views: everything, the caller's chats, nobody's, and chats where the caller is mentioned. */
export const CHAT_VIEWS = ["all", "mine", "unassigned", "mentions"] as const;
export type ChatView = (typeof CHAT_VIEWS)[number];
