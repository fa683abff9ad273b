import { describe, expect, it } from "vitest";
import { seal, unseal } from "@/lib/crypto/secret-box";

const secret = "a".repeat(40);

describe("secret box", () => {
  it("round-trips a value without storing it in clear", () => {
    const sealed = seal('{"token":"s3cr3t-token"}', secret);
    expect(sealed).not.toContain("s3cr3t");
    expect(unseal(sealed, secret)).toBe('{"token":"s3cr3t-token"}');
  });

  it("gives different ciphertexts for the same value", () => {
    expect(seal("same", secret)).not.toBe(seal("same", secret));
  });

  it("refuses a wrong key or a tampered value with a clear message", () => {
    const sealed = seal("value", secret);
    expect(() => unseal(sealed, "b".repeat(40))).toThrow(/INBOX_SECRET_KEY/);
    const tampered = `${sealed.slice(0, -2)}AA`;
    expect(() => unseal(tampered, secret)).toThrow(/cannot be decrypted/);
    expect(() => unseal("plain text", secret)).toThrow(/not in a known sealed format/);
  });

  it("rejects a key too short to be safe", () => {
    expect(() => seal("value", "short")).toThrow(/at least 32/);
  });
});
