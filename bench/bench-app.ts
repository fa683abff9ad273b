import { freePort } from "@/lib/server/free-port";
import { type AppProcess, startAppProcess } from "../e2e/support/app-process";
import { UNREACHABLE_PROVIDER_URL } from "./seed";

export const BENCH_EMAIL = "bench@inbox.local";
export const BENCH_PASSWORD = "bench-password-2026";

/**
 * `npm start`'s production server on the benchmark database, provider sync off (the providers
 * point nowhere), signed in as the benchmark's admin. `env` adds to the server's environment.
 */
export async function startBenchApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: AppProcess; cookie: string }> {
  const app = await startAppProcess({
    DATABASE_URL: databaseUrl,
    INBOX_DATA_DIR: ".data/bench-app",
    INBOX_SECRET_KEY: "benchmark-secret-key-that-is-long-enough",
    PORT: String(await freePort()),
    ADMIN_EMAIL: BENCH_EMAIL,
    ADMIN_PASSWORD: BENCH_PASSWORD,
    SYNC_ENABLED: "false",
    TGBRIDGE_API_URL: UNREACHABLE_PROVIDER_URL,
    SMARTSENDER_API_URL: UNREACHABLE_PROVIDER_URL,
    SMARTSENDER_API_TOKEN: "bench",
    MAX_API_URL: UNREACHABLE_PROVIDER_URL,
    MAX_BOT_TOKEN: "bench",
    CHATOPS_API_URL: UNREACHABLE_PROVIDER_URL,
    CHATOPS_API_TOKEN: "bench",
    ...env,
  });
  try {
    return { app, cookie: await signIn(app.url) };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Signing in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
