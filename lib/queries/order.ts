import type { ChatListItem } from "@/lib/chats/list-chats";
import type { MessageView } from "@/lib/messages/list-messages";
import type { HeadOrder } from "@/lib/queries/merge-head-page";

/** Newer first: ISO-8601 UTC timestamps of one format compare as strings. */
function newerFirst(a: string, b: string): number {
  if (a === b) return 0;
  return a > b ? -1 : 1;
}

/** The API's chat order: newest activity first, ties by id. */
export const chatListOrder: HeadOrder<ChatListItem> = {
  headAt: "start",
  compare: (a, b) => newerFirst(a.activityAt, b.activityAt) || b.id - a.id,
};

/** A thread page is oldest→newest; its head (the newest message) is at the end. */
export const threadOrder: HeadOrder<MessageView> = {
  headAt: "end",
  compare: (a, b) => newerFirst(a.createdAt, b.createdAt) || b.id - a.id,
};
