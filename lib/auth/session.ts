import { LRUCache } from "lru-cache";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";

export type StaffRole = "admin" | "agent";

export type StaffSession = {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
};

/**
 * Verifying Better Auth's signed cookies costs about 2 ms of CPU per request (WebCrypto HMACs),
 * as much as the query behind a page. Requests carrying the very same cookies within a few
 * seconds reuse the verified session: no staler than Better Auth's own five-minute cookie
 * cache, and a browser that signs out no longer sends those cookies.
 */
const recentlyVerified = new LRUCache<string, StaffSession>({ max: 2_000, ttl: 10_000 });

function authCookies(headers: Headers): string | null {
  const cookies = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.includes("better-auth."));
  return cookies.length > 0 ? cookies.sort().join("; ") : null;
}

/** The signed-in staff member of a request, or null. */
export async function getStaffSession(headers: Headers): Promise<StaffSession | null> {
  const key = authCookies(headers);
  if (key === null) return null;
  const known = recentlyVerified.get(key);
  if (known) return known;
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  const staff: StaffSession = {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role === "admin" ? "admin" : "agent",
  };
  recentlyVerified.set(key, staff);
  return staff;
}

/** Forgets the session these cookies carried, so signing out takes effect at once. */
export function forgetVerifiedSession(headers: Headers): void {
  const key = authCookies(headers);
  if (key !== null) recentlyVerified.delete(key);
}

export async function requireSession(headers: Headers): Promise<StaffSession> {
  const session = await getStaffSession(headers);
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return session;
}
