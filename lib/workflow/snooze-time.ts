/**
 * When a snooze ends, in the agent's own time zone: "in an hour", "tomorrow at 9:00", "next week"
 * (Monday at 9:00). Pure date arithmetic on the platform's time-zone data (Intl), so daylight
 * saving changes land on the right instant. Safe for the browser and the server alike.
 */

export const SNOOZE_PRESETS = ["1h", "tomorrow", "nextWeek"] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** The working hour a "tomorrow" or "next week" snooze ends at. */
export const MORNING_HOUR = 9;

const HOUR_MS = 60 * 60 * 1000;

/** Whether the platform knows `timeZone` (an IANA name such as "Europe/Kyiv"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

type LocalDate = { year: number; month: number; day: number };

function localParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const local = localParts(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant the wall clock of `timeZone` shows `date` at `hour`:00. */
function wallClockInstant(date: LocalDate, hour: number, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour);
  let instant = guess - offsetAt(guess, timeZone);
  // Across a daylight-saving change the offset at the answer differs from the one at the guess.
  const corrected = guess - offsetAt(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** When a snooze chosen at `now` ends. */
export function snoozeEnd(preset: SnoozePreset, timeZone: string, now: Date): Date {
  if (preset === "1h") return new Date(now.getTime() + HOUR_MS);
  const today = localParts(now.getTime(), timeZone);
  if (preset === "tomorrow") return wallClockInstant(addDays(today, 1), MORNING_HOUR, timeZone);
  // Next week: the coming Monday (a week ahead when today is Monday).
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const daysToMonday = (8 - weekday) % 7 || 7;
  return wallClockInstant(addDays(today, daysToMonday), MORNING_HOUR, timeZone);
}
