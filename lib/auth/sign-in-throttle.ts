import type { DbClient } from "@/lib/db";

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Per account, from anywhere: a typo-prone human gets several tries, a guesser does not. */
export const MAX_ATTEMPTS_PER_ACCOUNT = 5;
/** Per client address: stops one machine from walking through many accounts. */
export const MAX_ATTEMPTS_PER_ADDRESS = 30;

export type SignInKeys = { account: string; address: string };

export function signInKeys(address: string, email: string): SignInKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type CountRow = { key: string; count: number; retry_after: number };

/**
 * Counts a sign-in attempt before the password is checked, for the account and the client address
 * at once, in one `INSERT … ON CONFLICT … RETURNING`: Postgres serialises the increments, so
 * parallel guesses (on any instance) each see their own count and no burst slips through between
 * a check and a count. A window that is over starts again at 1.
 */
export async function countSignInAttempt(db: DbClient, keys: SignInKeys): Promise<SignInAttempt> {
  const rows = await db.$queryRaw<CountRow[]>`
    INSERT INTO login_failures (key, count, window_start)
    VALUES (${keys.account}, 1, now()), (${keys.address}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN login_failures.window_start <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                   THEN 1 ELSE login_failures.count + 1 END,
      window_start = CASE WHEN login_failures.window_start <= now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})
                   THEN now() ELSE login_failures.window_start END
    RETURNING key, count,
      ceil(extract(epoch FROM login_failures.window_start + make_interval(secs => ${SIGN_IN_WINDOW_SECONDS}) - now()))::int AS retry_after`;
  const over = rows.filter(
    (row) => row.count > (row.key === keys.account ? MAX_ATTEMPTS_PER_ACCOUNT : MAX_ATTEMPTS_PER_ADDRESS),
  );
  if (over.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, ...over.map((row) => row.retry_after)) };
}

/**
 * A successful sign-in was not a guess: the account starts afresh and the address gets its
 * attempt back (so a busy office behind one address is not locked out by its own sign-ins).
 */
export async function forgiveSignIn(db: DbClient, keys: SignInKeys): Promise<void> {
  await db.$executeRaw`DELETE FROM login_failures WHERE key = ${keys.account}`;
  await db.$executeRaw`UPDATE login_failures SET count = greatest(count - 1, 0) WHERE key = ${keys.address}`;
}
