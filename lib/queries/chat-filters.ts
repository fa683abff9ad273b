import { CHAT_VIEWS, type ChatView } from "@/lib/chats/list-chats.types";
import { INBOX_STATUSES, type InboxStatus } from "@/lib/workflow/set-status.types";

/** What the chat list shows; it lives in the page URL so reload, back and shared links keep it. */
export type ChatFilters = {
  /** All, Mine, Unassigned or Mentions: a tab above the list, combined with every filter below. */
  view: ChatView;
  /** Connection ids; empty: every connection. */
  connections: string[];
  unread: boolean;
  /** The provider's open/closed. */
  status: "open" | "closed" | null;
  /** The inbox's own status. */
  state: InboxStatus | null;
  /** Open chats whose customer waits for an answer, longest wait first. */
  needsReply: boolean;
  q: string;
};

/** What a control that shows and changes the list's filters receives. */
export type FilterControlProps = {
  filters: ChatFilters;
  onChange: (change: Partial<ChatFilters>) => void;
};

export const NO_FILTERS: ChatFilters = {
  view: "all",
  connections: [],
  unread: false,
  status: null,
  state: null,
  needsReply: false,
  q: "",
};

/** Chats per page of the list: a screen of fast scrolling needs one request; the API allows up to 200. */
export const CHAT_PAGE_SIZE = 100;

/** The page's query string, handed to the inbox layout (which does not see it) by proxy.ts. */
export const PAGE_SEARCH_HEADER = "x-inbox-page-search";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_QUERY_LENGTH = 200;

type ReadableParams = { get(name: string): string | null; getAll(name: string): string[] };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((candidate) => candidate === value) ?? null;

/** Reads filters from a URL's query; anything malformed is ignored rather than sent to the API. */
export function filtersFromParams(params: ReadableParams): ChatFilters {
  const status = params.get("status");
  return {
    view: oneOf(CHAT_VIEWS, params.get("view")) ?? "all",
    connections: [...new Set(params.getAll("connection").filter((id) => UUID.test(id)))].sort(),
    unread: params.get("unread") === "1",
    status: status === "open" || status === "closed" ? status : null,
    state: oneOf(INBOX_STATUSES, params.get("state")),
    needsReply: params.get("needsReply") === "1",
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
  };
}

/** The filters as query parameters, defaults left out (the same filters always give the same string). */
export function filtersToParams(filters: ChatFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== "all") params.set("view", filters.view);
  for (const id of [...filters.connections].sort()) params.append("connection", id);
  if (filters.unread) params.set("unread", "1");
  if (filters.status) params.set("status", filters.status);
  if (filters.state) params.set("state", filters.state);
  if (filters.needsReply) params.set("needsReply", "1");
  const q = filters.q.trim();
  if (q) params.set("q", q);
  return params;
}

/** The list API's query for one page of the filtered list: what the browser asks for, and the server reads ahead. */
export function chatPageParams(filters: ChatFilters, cursor: string | null): URLSearchParams {
  const params = filtersToParams(filters);
  params.set("limit", String(CHAT_PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return params;
}

/** Whether anything narrows the list beyond its view (the tab is not a filter to clear). */
export function hasFilters(filters: ChatFilters): boolean {
  return filtersToParams({ ...filters, view: "all" }).size > 0;
}

/** A page URL with the filters kept, e.g. a chat's link in the list. */
export function withFilters(pathname: string, filters: ChatFilters): string {
  const query = filtersToParams(filters).toString();
  return query ? `${pathname}?${query}` : pathname;
}
