/**
 * `GET /api/v1/private/chats/` of the sandbox Chat operations API: paging, sorting, filters.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt ("Chat" list) and docs/providers/chatops.md.
 *
 * `page` counts from 0; `size` defaults to 20 and may be at most 200; `sort` names a field,
 * optionally followed by ",asc" or ",desc" (Spring's form; the documents name only the field).
 * Without `sort` the newest chat comes first, as in the seed's sample. Filters: `isActive`,
 * `id`, `fromDate` and `toDate` (on `registeredAt`, inclusive; a bare date covers its whole day,
 * a time without a zone is UTC like the list's own `registeredAt`).
 */

import { listForm, springError, type WireChat } from "@/sandbox/chatops/wire";
import { type FakeResponse, intParam } from "@/sandbox/core/http";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;
const DAY_MS = 86_400_000;

type Comparator = (left: WireChat, right: WireChat) => number;

const byRegisteredAt = (chat: WireChat) => Date.parse(chat.registeredAt);

const SORTABLE: Record<string, (chat: WireChat) => number | string> = {
  registeredAt: byRegisteredAt,
  id: (chat) => chat.id,
  isActive: (chat) => (chat.isActive ? 1 : 0),
  service: (chat) => chat.service,
  createdBy: (chat) => chat.createdBy,
};

function compareValues(left: number | string, right: number | string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

function comparing(key: (chat: WireChat) => number | string, sign: 1 | -1): Comparator {
  return (left, right) => sign * compareValues(key(left), key(right)) || compareValues(left.id, right.id);
}

const NEWEST_FIRST = comparing(byRegisteredAt, -1);

function comparatorOf(sort: string | null): Comparator | string {
  if (sort === null) return NEWEST_FIRST;
  const [field = "", direction = "asc", ...extra] = sort.split(",");
  const key = SORTABLE[field];
  if (!key) return `No property '${field}' found for type 'Chat'`;
  if (extra.length > 0 || !/^(asc|desc)$/i.test(direction)) return `Invalid sort direction '${direction}'`;
  return comparing(key, direction.toLowerCase() === "desc" ? -1 : 1);
}

/** Epoch ms of a `fromDate`/`toDate` value, or null when it is not a date. */
function boundOf(value: string, end: boolean): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(day) ? null : end ? day + DAY_MS - 1 : day;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.test(value)) return null;
  const time = Date.parse(/(Z|[+-]\d{2}:\d{2})$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? null : time;
}

type Filter = (chat: WireChat) => boolean;

function filtersOf(query: URLSearchParams): Filter[] | string {
  const filters: Filter[] = [];
  const isActive = query.get("isActive");
  if (isActive !== null) {
    if (isActive !== "true" && isActive !== "false") return `isActive must be true or false, not '${isActive}'`;
    filters.push((chat) => chat.isActive === (isActive === "true"));
  }
  const id = query.get("id");
  if (id !== null) filters.push((chat) => chat.id === id);
  for (const [name, end] of [
    ["fromDate", false],
    ["toDate", true],
  ] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const bound = boundOf(value, end);
    if (bound === null) return `${name} must be an ISO 8601 date or date-time, not '${value}'`;
    filters.push((chat) => (end ? Date.parse(chat.registeredAt) <= bound : Date.parse(chat.registeredAt) >= bound));
  }
  return filters;
}

/** Every chat in the list's default order (newest first), e.g. for snapshots. */
export function inDefaultOrder(chats: Iterable<WireChat>): WireChat[] {
  return [...chats].sort(NEWEST_FIRST);
}

export function listChats(chats: Iterable<WireChat>, query: URLSearchParams, path: string): FakeResponse {
  const page = intParam(query, "page", 0);
  const size = intParam(query, "size", DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(page) || page < 0) return springError(400, "page must be a whole number from 0", path);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    return springError(400, `size must be between 1 and ${MAX_PAGE_SIZE}`, path);
  }
  const comparator = comparatorOf(query.get("sort"));
  if (typeof comparator === "string") return springError(400, comparator, path);
  const filters = filtersOf(query);
  if (typeof filters === "string") return springError(400, filters, path);

  const matching = [...chats].filter((chat) => filters.every((filter) => filter(chat))).sort(comparator);
  return {
    status: 200,
    json: {
      records: matching.slice(page * size, (page + 1) * size).map(listForm),
      _metadata: {
        currentPage: page,
        totalPages: Math.ceil(matching.length / size),
        pageSize: size,
        totalRecords: matching.length,
      },
    },
  };
}
