import { APIError, createAuthMiddleware, getIP } from "better-auth/api";
import { db } from "@/lib/db";

const SIGN_IN_PATH = "/sign-in/email";
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Per address and email: a typo-prone human gets several tries, a guesser does not. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per address alone: stops one machine from walking through many emails. */
export const MAX_FAILURES_PER_ADDRESS = 30;

function keysFor(ip: string, email: string) {
  return { account: `account:${ip}:${email.trim().toLowerCase()}`, address: `address:${ip}` };
}

async function failuresIn(key: string, now: Date): Promise<number> {
  const row = await db().loginFailure.findUnique({ where: { key } });
  if (!row || now.getTime() - row.windowStart.getTime() > LOGIN_FAILURE_WINDOW_MS) return 0;
  return row.count;
}

/** Counts one failure, starting a new window when the last one is over. Atomic, so parallel guesses all count. */
async function recordFailure(key: string, now: Date): Promise<void> {
  const windowStartLimit = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
  await db().$executeRaw`
    INSERT INTO login_failures (key, count, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN login_failures.window_start < ${windowStartLimit} THEN 1 ELSE login_failures.count + 1 END,
      window_start = CASE WHEN login_failures.window_start < ${windowStartLimit} THEN ${now} ELSE login_failures.window_start END`;
}

function emailOf(body: unknown): string {
  return typeof body === "object" && body && "email" in body && typeof body.email === "string" ? body.email : "";
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function ipOf(ctx: HookContext): string {
  const source = ctx.request ?? ctx.headers;
  return (source ? getIP(source, ctx.context.options) : null) ?? "unknown";
}

export const loginThrottleHooks = {
  before: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const keys = keysFor(ipOf(ctx), emailOf(ctx.body));
    const now = new Date();
    const [account, address] = await Promise.all([failuresIn(keys.account, now), failuresIn(keys.address, now)]);
    if (account >= MAX_FAILURES_PER_ACCOUNT || address >= MAX_FAILURES_PER_ADDRESS) {
      throw new APIError("TOO_MANY_REQUESTS", {
        code: "TOO_MANY_ATTEMPTS",
        message: "Too many failed sign-in attempts. Wait 15 minutes and try again.",
      });
    }
  }),
  after: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const returned = ctx.context.returned;
    const failed = returned instanceof APIError && returned.statusCode === 401;
    const keys = keysFor(ipOf(ctx), emailOf(ctx.body));
    const now = new Date();
    if (failed) {
      await Promise.all([recordFailure(keys.account, now), recordFailure(keys.address, now)]);
    } else if (!(returned instanceof APIError)) {
      await db().loginFailure.deleteMany({ where: { key: keys.account } });
    }
  }),
};
