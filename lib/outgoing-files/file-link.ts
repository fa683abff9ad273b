import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { appOrigin } from "@/lib/app-origin";
import { deriveKey } from "@/lib/crypto/secret-key";
import { runtimeSecretKey } from "@/lib/runtime";

/**
 * The URL a provider downloads an agent's file from: `/api/files/<id>.<expiry>.<signature>`. It
 * needs no session (the provider has none), so the signature (an HMAC of id and expiry with a key
 * of its own) is what lets it in; it works for a day from each delivery attempt.
 */
export const FILE_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

const PATH = "/api/files/";
const TOKEN = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function signature(id: string, expiresAt: number): string {
  return createHmac("sha256", deriveKey(runtimeSecretKey(), "file-links"))
    .update(`${id}.${expiresAt}`)
    .digest("base64url");
}

export function fileLinkFor(id: string, now = Date.now()): string {
  const expiresAt = Math.floor((now + FILE_LINK_LIFETIME_MS) / 1000);
  return new URL(`${PATH}${id}.${expiresAt}.${signature(id, expiresAt)}`, appOrigin()).toString();
}

/**
 * The file a token names when its signature holds, else null. `anyAge`: an agent viewing the
 * thread (already allowed to see it) is shown the file after the provider's link has expired.
 */
export function fileIdOfToken(token: string, options: { anyAge: boolean; now?: number }): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, id = "", expiry = "", given = ""] = match;
  const expiresAt = Number(expiry);
  const expected = Buffer.from(signature(id, expiresAt));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!options.anyAge && expiresAt * 1000 < (options.now ?? Date.now())) return null;
  return id;
}

/** The file of one of our own links (a message's attachment URL), else null. */
export function fileIdOfLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== appOrigin() || !parsed.pathname.startsWith(PATH)) return null;
  return fileIdOfToken(parsed.pathname.slice(PATH.length), { anyAge: true });
}
