import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The page headers of a deployment served over https (proxy.ts reads APP_URL once, like the app).
beforeAll(() => {
  vi.stubEnv("APP_URL", "https://inbox.example.com");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("page headers behind https", () => {
  it("add HSTS and upgrade-insecure-requests, with a fresh script nonce per response", async () => {
    const { proxy } = await import("@/proxy");
    const first = proxy(new NextRequest("https://inbox.example.com/login"));
    const second = proxy(new NextRequest("https://inbox.example.com/login"));
    expect(first.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // A signed-out visitor is sent to sign in, with the same headers.
    const redirect = proxy(new NextRequest("https://inbox.example.com/chats/5"));
    expect(redirect.headers.get("location")).toBe("https://inbox.example.com/login?next=%2Fchats%2F5");
    expect(redirect.headers.get("strict-transport-security")).toBeTruthy();
  });
});
