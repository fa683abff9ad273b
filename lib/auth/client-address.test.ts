import { describe, expect, it } from "vitest";
import { clientAddressOf, normalizeAddress, trustedProxies } from "@/lib/auth/client-address";

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("::ffff:198.51.100.7", "203.0.113.1", null)).toBe("198.51.100.7");
    expect(clientAddressOf("127.0.0.1", "203.0.113.1, 10.0.0.1", trustedProxies(""))).toBe("127.0.0.1");
  });

  it("behind trusted proxies is the rightmost address no trusted proxy wrote", () => {
    const trusted = trustedProxies("10.0.0.0/8, 127.0.0.1, ::1");
    // The client prepends a fake; the proxy appends what it saw.
    expect(clientAddressOf("127.0.0.1", "1.2.3.4, 203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddressOf("::1", ["1.2.3.4, 203.0.113.9", "10.1.2.3"], trusted)).toBe("203.0.113.9");
    expect(clientAddressOf("10.0.0.5", "garbage, 10.0.0.7", trusted)).toBe("10.0.0.7");
    expect(clientAddressOf("127.0.0.1", undefined, trusted)).toBe("127.0.0.1");
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddressOf("198.51.100.7", "203.0.113.9", trusted)).toBe("198.51.100.7");
  });

  it("normalizes the forms addresses arrive in", () => {
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.5:8080")).toBe("203.0.113.5");
    expect(normalizeAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("evil.example")).toBeNull();
  });
});
