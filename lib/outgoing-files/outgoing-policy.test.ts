import { describe, expect, it } from "vitest";
import { providerReachesInbox } from "@/lib/outgoing-files/outgoing-policy";

describe("whether a provider can download files from the inbox", () => {
  it.each([
    ["https://inbox.example.com", "https://api.smartsender.com", true],
    ["http://93.184.216.34:3000", "https://api.smartsender.com", true],
    ["http://localhost:3000", "http://127.0.0.1:4242", true],
    ["http://127.0.0.1:3000", "http://[::1]:4242", true],
    ["http://inbox:3000", "http://smartsender:8080", true],
    ["http://192.168.1.20:3000", "http://10.0.0.5", true],
    ["http://localhost:3000", "https://api.smartsender.com", false],
    ["http://192.168.1.20:3000", "https://api.smartsender.com", false],
    ["http://inbox:3000", "https://api.smartsender.com", false],
    ["http://[fd00::1]:3000", "https://api.smartsender.com", false],
  ])("inbox %s, provider %s: %s", (inbox, provider, expected) => {
    expect(providerReachesInbox(inbox, provider)).toBe(expected);
  });
});
