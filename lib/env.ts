import "server-only";
import { isIP } from "node:net";
import { z } from "zod";
import { PROVIDER_INFO, type ProviderVariable } from "@/lib/providers/catalog.types";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Comma-separated addresses or CIDR ranges, e.g. `10.0.0.0/8, ::1`; checked here so a typo stops the start. */
const addressList = optionalText.refine(
  (value) => value === undefined || value.split(",").every((entry) => isAddressOrRange(entry.trim())),
  "TRUSTED_PROXIES must list IP addresses or CIDR ranges (10.0.0.0/8, ::1), separated by commas",
);

function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

/** Each provider's variables, named by its descriptor: URLs are checked as URLs, the rest as text. */
const providerVariables = Object.fromEntries(
  Object.values(PROVIDER_INFO).flatMap((info) =>
    info.fields.map((field) => [field.env, field.target === "baseUrl" ? optionalUrl : optionalText]),
  ),
) as Record<ProviderVariable, typeof optionalText>;

/** Every variable the app reads (lib/env.test.ts holds README's configuration table to it). */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  APP_URL: optionalUrl,
  /** Reverse proxies whose X-Forwarded-For is believed; unset: the header is ignored (see README "Security"). */
  TRUSTED_PROXIES: addressList,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  INBOX_DATA_DIR: z.string().default(".data"),
  INBOX_SECRET_KEY: optionalText,
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, "ADMIN_PASSWORD must have at least 8 characters").optional()),
  /** Sessions end this many days after sign-in, however active (idle ones end after 14 days). */
  SESSION_MAX_AGE_DAYS: positiveInt(30),
  LOG_LEVEL: logLevelSchema,
  SYNC_POLL_INTERVAL_MS: positiveInt(15_000),
  /** "false" makes a serve-only instance: no provider sync and no outbox delivery here. */
  SYNC_ENABLED: z.enum(["true", "false"]).default("true"),
  /** Where `next build` writes and the server reads the production build (next.config.ts reads it too). */
  NEXT_DIST_DIR: z.string().trim().min(1).default(".next"),
  ...providerVariables,
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * LOG_LEVEL alone, for the logger, which is created when its module loads: a bad value of
 * another variable must not stop the logger before start-up can report that variable
 * (a bad LOG_LEVEL itself is reported there too; until then the default applies).
 */
export function logLevel(source: Record<string, string | undefined> = process.env): z.infer<typeof logLevelSchema> {
  const parsed = logLevelSchema.safeParse(source.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}

/** Variables named like secrets (…TOKEN, …SECRET…, …PASSWORD…, …_KEY), the app's or not: the logger censors their values. */
const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|_KEY$/;

export function secretVariableValues(): string[] {
  return Object.entries(process.env).flatMap(([name, value]) => (value && SECRET_VARIABLE.test(name) ? [value] : []));
}

/** The environment a child process (`next build`) gets: this process's, with `overrides`. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
