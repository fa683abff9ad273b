import "server-only";
import { processSingleton } from "@/lib/process-singleton";

/**
 * What start-up resolves and the web server's routes need: configuration names only a wish (no
 * DATABASE_URL means "start an embedded server", no INBOX_SECRET_KEY means "use the key file"),
 * so `lib/server/main.ts` resolves them once and hands the results over here, in memory, instead
 * of writing them back into `process.env`. Process-wide, because the routes run from Next's
 * bundles, another copy of this module (see lib/process-singleton.ts).
 */
export type DemoLogin = { email: string; password: string };

export type RuntimeValues = {
  /** The database this instance uses, embedded or configured. */
  databaseUrl: string;
  /** INBOX_SECRET_KEY, or the one generated into the data folder. */
  secretKey: string;
  /** In demo mode, the sandbox admin the login page shows; null otherwise. */
  demoLogin: DemoLogin | null;
};

const values = processSingleton("runtime", (): Partial<RuntimeValues> => ({}));

/** Called by start-up once it resolved the values (and by tests and the benchmark, which start no server). */
export function provideRuntime(provided: Partial<RuntimeValues>): void {
  Object.assign(values, provided);
}

function missing(what: string): Error {
  return new Error(`${what} is not known in this process: start the app with \`npm start\`, which provides it`);
}

export function runtimeDatabaseUrl(): string {
  if (!values.databaseUrl) throw missing("The database URL");
  return values.databaseUrl;
}

/** The key that seals credentials and signs sessions (derive purpose keys with lib/crypto/secret-key.ts). */
export function runtimeSecretKey(): string {
  if (!values.secretKey) throw missing("The secret key");
  return values.secretKey;
}

export function runtimeDemoLogin(): DemoLogin | null {
  return values.demoLogin ?? null;
}

/** What the logger must never print, whatever the variables said (a generated key is in none of them). */
export function runtimeSecrets(): string[] {
  return values.secretKey ? [values.secretKey] : [];
}

/** Whether a secret key was provided (tests that share one helper provide it once). */
export function hasRuntimeSecretKey(): boolean {
  return values.secretKey !== undefined;
}
