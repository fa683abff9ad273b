import { describe, expect, it } from "vitest";
import {
  assertJsonContentType,
  assertSameOrigin,
  assertStorable,
  MAX_BODY_BYTES,
  queryRecord,
  readBodyText,
} from "@/lib/api/request-guards";
import { AppError } from "@/lib/errors";

const APP = "http://localhost:3000";

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

const post = (headers: Record<string, string>) => new Request(`${APP}/api/chats/1/read`, { method: "POST", headers });

describe("request guards", () => {
  it("accepts changes only from the app's own origin (or Sec-Fetch-Site: same-origin when Origin is absent)", () => {
    expect(codeOf(() => assertSameOrigin(post({ origin: APP })))).toBeNull();
    expect(codeOf(() => assertSameOrigin(post({ origin: "http://127.0.0.1:3000" })))).toBeNull();
    expect(codeOf(() => assertSameOrigin(post({ "sec-fetch-site": "same-origin" })))).toBeNull();
    for (const headers of <Array<Record<string, string>>>[
      { origin: "https://evil.example" },
      { origin: "http://localhost:3001" },
      { origin: "null" },
      { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "same-site" },
      { referer: `${APP}/` },
      {},
    ]) {
      expect(
        codeOf(() => assertSameOrigin(post(headers))),
        JSON.stringify(headers),
      ).toBe("FORBIDDEN");
    }
  });

  it("accepts only JSON for changes (a cross-site page can send text/plain or forms without a preflight)", () => {
    expect(codeOf(() => assertJsonContentType(post({ "content-type": "application/json; charset=utf-8" })))).toBeNull();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]) {
      expect(codeOf(() => assertJsonContentType(post({ "content-type": type })))).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const request = new Request(`${APP}/api/me`, { method: "PATCH", body: endless, duplex: "half" } as RequestInit);
    await expect(readBodyText(request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const request = new Request(`${APP}/api/me`, {
      method: "PATCH",
      headers: { "content-length": String(300 * 1024 * 1024) },
      body: "{}",
    });
    await expect(readBodyText(request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses NUL and lone surrogates anywhere in a body or query, and absurd nesting", () => {
    expect(codeOf(() => assertStorable({ text: "fine 😀", list: ["ok"] }))).toBeNull();
    expect(codeOf(() => assertStorable({ text: "a\u0000b" }))).toBe("BAD_REQUEST");
    expect(codeOf(() => assertStorable({ deep: [{ key: "\ud800" }] }))).toBe("BAD_REQUEST");
    expect(codeOf(() => assertStorable({ "k\u0000": 1 }))).toBe("BAD_REQUEST");
    expect(codeOf(() => assertStorable(JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)))).toBe(
      "BAD_REQUEST",
    );
    expect(codeOf(() => queryRecord(new URLSearchParams("q=a%00b")))).toBe("BAD_REQUEST");
    expect(queryRecord(new URLSearchParams("q=a&q=b&limit=5"))).toEqual({ q: ["a", "b"], limit: "5" });
  });
});
