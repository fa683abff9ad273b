import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";

describe("keyset cursors", () => {
  it("round-trip a position exactly (to the millisecond)", () => {
    const position = { at: new Date("2026-11-20T10:15:30.123Z"), id: 42 };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it("turn a tampered cursor into a clear 400, not a crash", () => {
    for (const bad of [
      "",
      "not-base64!",
      Buffer.from('["yesterday", 1]').toString("base64url"),
      Buffer.from("[1,2]").toString("base64url"),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor is not valid/);
    }
  });
});
