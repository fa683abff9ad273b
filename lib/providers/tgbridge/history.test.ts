/** extendDay paging of GetChatData (docs/providers/tgbridge.md; our reading in history.ts). */
import { describe, expect, it } from "vitest";
import { isProviderError } from "@/lib/providers/errors";
import {
  decodeHistoryCursor,
  encodeHistoryCursor,
  MAX_EXTEND_DAYS,
  nextHistoryPosition,
} from "@/lib/providers/tgbridge/history";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 31);

describe("nextHistoryPosition", () => {
  it("doubles the extension until the window covers the chat's creation", () => {
    const created = NOW - 10 * DAY;
    const steps: number[] = [];
    let requested = 0;
    for (;;) {
      const next = nextHistoryPosition({ requested, oldestMs: NOW - DAY, chatCreatedMs: created, nowMs: NOW });
      if (!next) break;
      steps.push(next.extendDay);
      requested = next.extendDay;
    }
    expect(steps).toEqual([1, 2, 4, 8, 10]);
  });

  it("stops as soon as the chat's first message was seen", () => {
    const created = NOW - 100 * DAY;
    expect(nextHistoryPosition({ requested: 0, oldestMs: created, chatCreatedMs: created, nowMs: NOW })).toBeNull();
    expect(nextHistoryPosition({ requested: 0, oldestMs: created + 1, chatCreatedMs: created, nowMs: NOW })).toEqual({
      extendDay: 1,
      beforeMs: created + 1,
    });
  });

  it("without a creation date goes back at most MAX_EXTEND_DAYS", () => {
    expect(nextHistoryPosition({ requested: 256, oldestMs: null, chatCreatedMs: null, nowMs: NOW })).toEqual({
      extendDay: MAX_EXTEND_DAYS,
      beforeMs: null,
    });
    expect(
      nextHistoryPosition({ requested: MAX_EXTEND_DAYS, oldestMs: null, chatCreatedMs: null, nowMs: NOW }),
    ).toBeNull();
  });
});

describe("history cursors", () => {
  it("round-trip and refuse anything else", () => {
    for (const position of [
      { extendDay: 4, beforeMs: 1_770_000_000_000 },
      { extendDay: 1, beforeMs: null },
    ]) {
      expect(decodeHistoryCursor(encodeHistoryCursor(position))).toEqual(position);
    }
    for (const foreign of ["page=2", "extendDay=x", "extendDay=1&before=yesterday"]) {
      const thrown = (() => {
        try {
          decodeHistoryCursor(foreign);
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(isProviderError(thrown, "invalid_input")).toBe(true);
    }
  });
});
