import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { appOrigin, appOrigins } from "@/lib/app-origin";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { deriveKey } from "@/lib/crypto/secret-key";
import { db } from "@/lib/db";
import { processSingleton } from "@/lib/process-singleton";
import { runtimeSecretKey } from "@/lib/runtime";

function createAuth() {
  return betterAuth({
    appName: "Support Inbox",
    baseURL: appOrigin(),
    secret: deriveKey(runtimeSecretKey(), "auth").toString("base64url"),
    // The same origins lib/api/request-guards.ts accepts for every other change.
    trustedOrigins: appOrigins(),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "agent" },
      },
    },
    session: {
      // Idle sessions end after 14 days; lib/auth/session.ts also ends every session
      // SESSION_MAX_AGE_DAYS after sign-in.
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // No signed-cookie cache: it would keep a revoked session alive for its whole lifetime.
      // lib/auth/session.ts keeps verified sessions a few seconds, dropped on revocation notices.
      cookieCache: { enabled: false },
    },
    // Sign-ins are throttled by lib/auth/sign-in-throttle.ts (shared by every instance through
    // Postgres); this in-memory limiter only guards the other auth endpoints.
    rateLimit: { enabled: true, window: 60, max: 300, customRules: { "/sign-in/email": false } },
    // Never X-Forwarded-For as sent: the address the server decided (lib/auth/client-address.ts).
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          // "Last sign-in" on the staff page; written by the database, not by a request's clock.
          after: async (session) => {
            await db().$transaction([
              db().$executeRaw`UPDATE users SET last_sign_in_at = now() WHERE id = ${session.userId}`,
              db().auditLog.create({ data: { userId: session.userId, action: "auth.sign_in" } }),
            ]);
          },
        },
      },
    },
    plugins: [
      // Staff management (lib/admin/staff): roles, deactivation (the plugin's "ban": no sign-in,
      // sessions deleted) and admin-set passwords. Its HTTP endpoints stay unreachable
      // (lib/auth/endpoints.ts); the admin API calls them through auth().api after its own checks.
      admin({
        roles: { admin: adminAc, agent: userAc },
        adminRoles: ["admin"],
        defaultRole: "agent",
        bannedUserMessage: "This account is deactivated. Ask an admin of the inbox to reactivate it.",
      }),
      // Last, so cookies set by the other plugins' hooks reach Next's cookie store.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Created on first use, because it needs the database and the secret key (absent during `next build`). */
export function auth(): Auth {
  return processSingleton("auth", createAuth);
}
