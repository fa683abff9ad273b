/**
 * Dates of the "Telegram" bridge. Docs: docs/providers/seeds/000_62f7899ae3925019.txt shows .NET
 * round-trip dates ("2026-02-04T02:09:21.7561449+00:00", seven fractional digits).
 * A date without an offset (DateTimeKind.Unspecified) is read as UTC, never as the inbox
 * server's local time; the old ASP.NET form "/Date(1700000000000+0300)/" is accepted too.
 */

const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.(\d+))?(Z|([+-]\d{2}):?(\d{2}))?$/i;
const MS_AJAX = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

export function parseBridgeDate(text: string): Date | null {
  const value = text.trim();
  const ajax = MS_AJAX.exec(value);
  if (ajax) return new Date(Number(ajax[1]));
  const iso = ISO.exec(value);
  if (!iso) return null;
  const [, upToMinutes, seconds, fraction, offset, offsetHours, offsetMinutes] = iso;
  const millis = (fraction ?? "").padEnd(3, "0").slice(0, 3);
  const zone = offset === undefined || offset.toUpperCase() === "Z" ? "Z" : `${offsetHours}:${offsetMinutes}`;
  const date = new Date(`${upToMinutes}${seconds ?? ":00"}.${millis}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
