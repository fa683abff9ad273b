import { describe, expect, it } from "vitest";
import { isTimeZone, snoozeEnd } from "@/lib/workflow/snooze-time";

describe("snooze times in the agent's time zone", () => {
  it("an hour from now", () => {
    expect(snoozeEnd("1h", "Europe/Kyiv", new Date("2026-12-04T10:15:00Z")).toISOString()).toBe(
      "2026-12-04T11:15:00.000Z",
    );
  });

  it("tomorrow at 9:00 on the agent's clock, wherever the server is", () => {
    // Friday 22:30 UTC is already Saturday 0:30 in Kyiv (UTC+2 in winter): "tomorrow" is Sunday there,
    // and still Saturday in New York (17:30 on Friday).
    const now = new Date("2026-12-04T22:30:00Z");
    expect(snoozeEnd("tomorrow", "Europe/Kyiv", now).toISOString()).toBe("2026-12-06T07:00:00.000Z");
    expect(snoozeEnd("tomorrow", "America/New_York", now).toISOString()).toBe("2026-12-05T14:00:00.000Z");
    expect(snoozeEnd("tomorrow", "Asia/Kolkata", now).toISOString()).toBe("2026-12-06T03:30:00.000Z");
  });

  it("lands on 9:00 across a daylight-saving change", () => {
    // New York moves its clocks forward on 8 March 2026: 9:00 on the 9th is UTC-4, the evening before UTC-5.
    expect(snoozeEnd("tomorrow", "America/New_York", new Date("2026-03-08T23:00:00Z")).toISOString()).toBe(
      "2026-03-09T13:00:00.000Z",
    );
    // Kyiv moves them back on 25 October 2026.
    expect(snoozeEnd("tomorrow", "Europe/Kyiv", new Date("2026-10-25T05:00:00Z")).toISOString()).toBe(
      "2026-10-26T07:00:00.000Z",
    );
  });

  it("next week is the coming Monday at 9:00 (a week ahead on a Monday)", () => {
    // Friday 4 December 2026.
    expect(snoozeEnd("nextWeek", "Europe/Kyiv", new Date("2026-12-04T10:00:00Z")).toISOString()).toBe(
      "2026-12-07T07:00:00.000Z",
    );
    // Monday 7 December, 8:00 in Kyiv.
    expect(snoozeEnd("nextWeek", "Europe/Kyiv", new Date("2026-12-07T06:00:00Z")).toISOString()).toBe(
      "2026-12-14T07:00:00.000Z",
    );
    // Sunday evening in Kyiv: tomorrow is Monday.
    expect(snoozeEnd("nextWeek", "Europe/Kyiv", new Date("2026-12-06T20:00:00Z")).toISOString()).toBe(
      "2026-12-07T07:00:00.000Z",
    );
  });

  it("knows real time zones only", () => {
    expect(isTimeZone("Europe/Kyiv")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
