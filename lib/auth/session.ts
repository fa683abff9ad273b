import { LRUCache } from "lru-cache";
import { auth } from "@/lib/auth/auth";
import { matches, type SessionChange, sessionWatch } from "@/lib/auth/session-watch";
import { type DbClient, db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { processSingleton } from "@/lib/process-singleton";

export type StaffRole = "admin" | "agent";

export type StaffSession = {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  /** The session row's id (never its token): what revocation notices and stream watchers name. */
  sessionId: string;
};

/**
 * Verifying a session costs a signed-cookie check and a database read. Requests carrying the very
 * same cookies within a few seconds reuse the verified session; a revocation notice from any
 * instance (lib/auth/session-watch.ts) drops it at once, and the short lifetime bounds the wait
 * when a notice is lost. Process-wide, like the watch: routes and pages are separate copies of
 * this module (lib/process-singleton.ts).
 */
const VERIFIED_FOR_MS = 3_000;

type Verified = { staff: StaffSession; validUntil: number };

const verified = processSingleton(
  "verified-sessions",
  () => new LRUCache<string, Verified>({ max: 5_000, ttl: VERIFIED_FOR_MS }),
);

/** The session watches the cache listens to: one subscription per watch, whichever copy checks first. */
const subscribedWatches = processSingleton("verified-sessions-watches", () => new WeakSet<object>());

/** Subscribes this process's cache to revocation notices, the first time a session is checked. */
function watch() {
  const sessions = sessionWatch();
  if (!subscribedWatches.has(sessions)) {
    subscribedWatches.add(sessions);
    sessions.onChange((change: SessionChange | "all") => {
      if (change === "all") return verified.clear();
      for (const [key, entry] of verified.entries()) {
        if (matches(change, entry.staff.sessionId, entry.staff.userId)) verified.delete(key);
      }
    });
  }
  return sessions;
}

function authCookies(headers: Headers): string | null {
  const cookies = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.includes("better-auth."));
  return cookies.length > 0 ? cookies.sort().join("; ") : null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The signed-in staff member of a request, or null (no session, or one that ended). */
export async function getStaffSession(headers: Headers): Promise<StaffSession | null> {
  const key = authCookies(headers);
  if (key === null) return null;
  const known = verified.get(key);
  if (known && known.validUntil > Date.now()) return known.staff;
  const sessions = watch();
  const generation = sessions.generation();
  const result = await auth().api.getSession({ headers });
  if (!result) return null;
  const { user, session } = result;
  // Sliding sessions end after 14 idle days (Better Auth); this ends them after SESSION_MAX_AGE_DAYS whatever the activity.
  const absoluteEnd = new Date(session.createdAt).getTime() + env().SESSION_MAX_AGE_DAYS * DAY_MS;
  if (absoluteEnd <= Date.now()) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const staff: StaffSession = {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role === "admin" ? "admin" : "agent",
    sessionId: session.id,
  };
  // A notice that arrived while we read may be about this very session: then it is not kept.
  if (sessions.generation() === generation) {
    verified.set(key, { staff, validUntil: Math.min(absoluteEnd, new Date(session.expiresAt).getTime()) });
  }
  return staff;
}

/** Forgets the session these cookies carried, so signing out takes effect at once. */
export function forgetVerifiedSession(headers: Headers): void {
  const key = authCookies(headers);
  if (key !== null) verified.delete(key);
}

export async function requireSession(headers: Headers): Promise<StaffSession> {
  const session = await getStaffSession(headers);
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return session;
}

/**
 * Aborts when the session ends on any instance (sign-out, deletion, revocation, expiry), for
 * responses that outlive the request's check, such as the live-update stream. Stops watching when
 * `until` aborts (the client went away).
 */
export function sessionEnded(session: StaffSession, until: AbortSignal): AbortSignal {
  return watch().watch(session.sessionId, session.userId, until);
}

/** Ends every session of a user on every instance: for deactivation and password changes. */
export async function revokeUserSessions(prisma: DbClient, userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
