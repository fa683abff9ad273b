import type { ChatFilters } from "@/lib/queries/chat-filters";

/**
 * Every cache key of the inbox, hierarchical so a prefix invalidates a family:
 * chatKeys.lists() → every filtered list; chatKeys.detail(id) → a chat with its messages,
 * participants and invitation.
 */
export const chatKeys = {
  all: ["chats"] as const,
  lists: () => [...chatKeys.all, "list"] as const,
  list: (filters: ChatFilters) => [...chatKeys.lists(), filters] as const,
  details: () => [...chatKeys.all, "detail"] as const,
  detail: (chatId: number) => [...chatKeys.details(), chatId] as const,
  messages: (chatId: number) => [...chatKeys.detail(chatId), "messages"] as const,
  participants: (chatId: number) => [...chatKeys.detail(chatId), "participants"] as const,
  invitation: (chatId: number) => [...chatKeys.detail(chatId), "invitation"] as const,
};

/** Everything counted: unread totals, and the views' counts (refreshed together on counts.changed). */
export const countKeys = {
  all: ["counts"] as const,
  views: ["counts", "views"] as const,
};

export const staffKeys = { all: ["staff"] as const };

export const presenceKeys = { all: ["presence"] as const };

export const teamSettingsKeys = { all: ["team-settings"] as const };

export const connectionKeys = { all: ["connections"] as const };

export const settingsKeys = { mine: ["settings", "me"] as const };

export const cannedReplyKeys = { all: ["canned-replies"] as const };

/** The admin's staff list (statuses, last sign-in); `staffKeys` is everyone's assignee list. */
export const adminStaffKeys = { all: ["admin", "staff"] as const };

export const adminConnectionKeys = { all: ["admin", "connections"] as const };

export const auditKeys = {
  all: ["admin", "audit"] as const,
  list: (filters: Record<string, string>) => [...auditKeys.all, filters] as const,
};
