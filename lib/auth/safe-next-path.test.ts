import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

const APP = "https://inbox.example.com";

describe("safeNextPath", () => {
  it("keeps paths inside the app", () => {
    expect(safeNextPath("/chats/12?q=refund", APP)).toBe("/chats/12?q=refund");
    expect(safeNextPath("/?from=link#top", APP)).toBe("/?from=link#top");
  });

  it("sends every other target home, so a link cannot bounce a user to another site", () => {
    for (const target of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example",
      "/\\\\evil.example",
      "https://inbox.example.com.evil.example/",
      "javascript:alert(1)",
      "",
      undefined,
      null,
      ["/chats/1", "//evil.example"],
    ]) {
      const next = safeNextPath(target, APP);
      expect(new URL(next, APP).origin, JSON.stringify(target)).toBe(APP);
      expect(next.startsWith("//") || next.startsWith("/\\"), JSON.stringify(target)).toBe(false);
    }
    expect(safeNextPath("/\t/evil.example", APP)).toBe("/");
  });
});
