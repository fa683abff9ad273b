import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths inside the app", () => {
    expect(safeNextPath("/chats/12?q=refund")).toBe("/chats/12?q=refund");
  });

  it("sends every other target home, so a link cannot bounce a user to another site", () => {
    for (const target of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
    ]) {
      expect(safeNextPath(target)).toBe("/");
    }
  });
});
