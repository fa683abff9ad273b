import { describe, expect, it } from "vitest";
import { isPublicHttpsUrl, webhookUrlFor } from "@/lib/sync/webhooks";

const connection = { id: "0b4c8f3e-1d2a-4a7e-9f00-6c1d2e3f4a5b", kind: "max" as const };

describe("webhook mode needs an address MAX can deliver to (https, port 443, public)", () => {
  it.each([
    "https://inbox.example.com",
    "https://inbox.example.com:443/",
    "https://support.example.org/base/",
    "https://93.184.216.34",
  ])("%s is public", (url) => {
    expect(isPublicHttpsUrl(url)).toBe(true);
  });

  it.each([
    "http://inbox.example.com",
    "https://inbox.example.com:8443",
    "https://localhost",
    "https://app.localhost",
    "https://inbox",
    "https://127.0.0.1",
    "https://10.1.2.3",
    "https://172.20.0.5",
    "https://192.168.1.10",
    "https://169.254.1.1",
    "https://[::1]",
    "https://[fd00::1]",
    "not a url",
  ])("%s is not", (url) => {
    expect(isPublicHttpsUrl(url)).toBe(false);
  });

  it("gives the connection's webhook route on a public address, and nothing otherwise", () => {
    expect(webhookUrlFor("https://inbox.example.com", connection, { onLocalUrls: false })).toBe(
      `https://inbox.example.com/api/webhooks/max/${connection.id}`,
    );
    expect(webhookUrlFor("http://127.0.0.1:3000", connection, { onLocalUrls: false })).toBeNull();
    expect(webhookUrlFor(undefined, connection, { onLocalUrls: true })).toBeNull();
  });

  it("takes a loopback address only when told to (the tests, which may reach loopback only)", () => {
    expect(webhookUrlFor("http://127.0.0.1:3000", connection, { onLocalUrls: true })).toBe(
      `http://127.0.0.1:3000/api/webhooks/max/${connection.id}`,
    );
  });
});
