import { describe, expect, it } from "vitest";
import { safeHttpUrl } from "@/components/thread/safe-url";

describe("safeHttpUrl", () => {
  it("keeps absolute http and https URLs", () => {
    expect(safeHttpUrl("https://example.com/a?b=1#c")).toBe("https://example.com/a?b=1#c");
    expect(safeHttpUrl("http://127.0.0.1:4000/__media/photo.png")).toBe("http://127.0.0.1:4000/__media/photo.png");
    expect(safeHttpUrl("  HTTPS://Example.com ")).toBe("https://example.com/");
  });

  it("refuses every other scheme, however it is disguised", () => {
    for (const value of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.com/file",
      "blob:https://example.com/uuid",
    ]) {
      expect(safeHttpUrl(value), value).toBeNull();
    }
  });

  it("refuses relative and malformed values", () => {
    for (const value of ["/__media/a.png", "//evil.example/x", "example.com", "https://", "", null, undefined]) {
      expect(safeHttpUrl(value), String(value)).toBeNull();
    }
  });
});
