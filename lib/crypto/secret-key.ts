import "server-only";
import { hkdfSync } from "node:crypto";

const MIN_SECRET_LENGTH = 32;

/** Derives independent 32-byte keys for each purpose from the one INBOX_SECRET_KEY. */
export function deriveKey(secret: string, purpose: "credentials" | "auth" | "demo-password" | "file-links"): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`INBOX_SECRET_KEY must have at least ${MIN_SECRET_LENGTH} characters`);
  }
  return Buffer.from(hkdfSync("sha256", secret, "support-inbox", `inbox ${purpose} v1`, 32));
}
