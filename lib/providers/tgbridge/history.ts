/**
 * Older messages of a bridge chat through GetChatData's `extendDay`.
 * Docs: docs/providers/tgbridge.md lists `GET api/Telegram/GetChatData/{id}?extendDay=` and nothing
 * more. Our reading: without it the bridge returns the chat's recent messages (a default time
 * window); `extendDay=N` widens that window N days further back. Every answer is therefore a
 * superset of the previous one, so a page keeps only what is older than everything seen so far.
 *
 * Each next page doubles the extension (1, 2, 4, … days). We stop when the oldest message
 * reached the chat's creation (chatInfo.Created), when the window certainly covers it (N days
 * since creation counted from now, whatever the bridge anchors its window on), or, when the
 * creation date is unknown, at MAX_EXTEND_DAYS.
 */
import { ProviderError } from "@/lib/providers/errors";

export const MAX_EXTEND_DAYS = 365;
const DAY_MS = 86_400_000;

export type HistoryPosition = {
  /** The extendDay to request (0: not sent). */
  extendDay: number;
  /** Only messages older than this (epoch ms) are new to the caller; null on the first page. */
  beforeMs: number | null;
};

export const FIRST_PAGE: HistoryPosition = { extendDay: 0, beforeMs: null };

export function encodeHistoryCursor(position: HistoryPosition): string {
  return `extendDay=${position.extendDay}&before=${position.beforeMs ?? ""}`;
}

export function decodeHistoryCursor(cursor: string): HistoryPosition {
  const params = new URLSearchParams(cursor);
  const extendDay = params.get("extendDay") ?? "";
  const before = params.get("before") ?? "";
  if (!/^\d+$/.test(extendDay) || !/^\d*$/.test(before)) {
    throw new ProviderError("invalid_input", `Not a Telegram bridge message cursor: "${cursor}"`);
  }
  return { extendDay: Number(extendDay), beforeMs: before === "" ? null : Number(before) };
}

export function nextHistoryPosition(input: {
  requested: number;
  /** The oldest message seen on this and every earlier page, or null when none was. */
  oldestMs: number | null;
  chatCreatedMs: number | null;
  nowMs: number;
}): HistoryPosition | null {
  const { requested, oldestMs, chatCreatedMs, nowMs } = input;
  const doubled = requested === 0 ? 1 : requested * 2;
  if (chatCreatedMs === null) {
    return requested >= MAX_EXTEND_DAYS ? null : { extendDay: Math.min(doubled, MAX_EXTEND_DAYS), beforeMs: oldestMs };
  }
  if (oldestMs !== null && oldestMs <= chatCreatedMs) return null;
  const coveringDays = Math.ceil((nowMs - chatCreatedMs) / DAY_MS);
  if (requested >= coveringDays) return null;
  return { extendDay: Math.min(doubled, coveringDays), beforeMs: oldestMs };
}
