import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { ensureAdmin } from "@/lib/auth/ensure-admin";
import { createPrismaClient, type Db } from "@/lib/db";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { freePort } from "@/lib/server/free-port";
import { type AppProcess, startAppProcess } from "../support/app-process";

/** Provider tokens the instances are configured with: none of them may ever leave the server. */
export const PROVIDER_TOKENS = {
  tgbridge: "known-tgbridge-token-5c0ffee1a7",
  smartsender: "known-smartsender-token-9d3b7e21f0",
  max: "known-max-token-4e8a2c6b19",
  chatops: "known-chatops-token-b71f0d3e58",
} as const;

export const ADMIN = { email: "admin@security.test", password: "admin-password-2b9f41" };
export const AGENT = { email: "agent@security.test", password: "agent-password-7c1e55" };
export const SECRET_KEY = "security-suite-secret-key-of-at-least-32-characters";

export type SecurityBed = {
  /** Trusts 127.0.0.1 as its reverse proxy (TRUSTED_PROXIES), so tests can act as many clients. */
  proxied: AppProcess;
  /** Trusts no proxy: X-Forwarded-For is ignored. */
  direct: AppProcess;
  database: EmbeddedDatabase;
  /** A direct connection to the shared database, as an operator (or another instance) would have. */
  sql: pg.Client;
  prisma: Db;
  sandbox: SandboxProcess;
  stop: () => Promise<void>;
};

type ProviderKind = keyof typeof PROVIDER_TOKENS;
export type SandboxProcess = {
  providers: Record<ProviderKind, { url: string; settings: Record<string, unknown> }>;
  /** Calls a sandbox control route (`/__sandbox/<name>`). */
  control: (kind: ProviderKind, name: string, body: unknown) => Promise<unknown>;
  close: () => Promise<void>;
};

/** The sandbox providers, with the known tokens, in a child process (e2e/security/sandbox-process.ts). */
async function startSandboxProcess(): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "e2e/security/sandbox-process.ts", JSON.stringify(PROVIDER_TOKENS)],
    {
      cwd: path.resolve(import.meta.dirname, "..", ".."),
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const providers = await new Promise<SandboxProcess["providers"]>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
      if (line && output.includes("\n")) resolve(JSON.parse(line) as SandboxProcess["providers"]);
    });
    child.once("exit", (code) => reject(new Error(`the sandbox process exited (${code}) before it was ready`)));
  });
  return {
    providers,
    control: async (kind, name, body) => {
      const response = await fetch(`${providers[kind].url}/__sandbox/${name}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    close: async () => {
      child.stdin?.end();
      await exited;
    },
  };
}

/**
 * Two production app processes on one database, configured with real provider settings (the
 * sandbox providers, with the tokens above) exactly as an operator would configure real services.
 */
export async function startSecurityBed(): Promise<SecurityBed> {
  const database = await startEmbeddedPostgres({ dataDir: ".data/e2e-security-db", durable: false });
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  await sql.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  const sandbox = await startSandboxProcess();
  const { providers } = sandbox;
  const shared = {
    DATABASE_URL: database.url,
    INBOX_SECRET_KEY: SECRET_KEY,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: "debug",
    SYNC_POLL_INTERVAL_MS: "2000",
    TGBRIDGE_API_URL: providers.tgbridge.url,
    TGBRIDGE_API_TOKEN: PROVIDER_TOKENS.tgbridge,
    TGBRIDGE_EMPLOYEE_ID: String(providers.tgbridge.settings.employeeId),
    SMARTSENDER_API_URL: providers.smartsender.url,
    SMARTSENDER_API_TOKEN: PROVIDER_TOKENS.smartsender,
    MAX_API_URL: providers.max.url,
    MAX_BOT_TOKEN: PROVIDER_TOKENS.max,
    CHATOPS_API_URL: providers.chatops.url,
    CHATOPS_API_TOKEN: PROVIDER_TOKENS.chatops,
  };
  for (const dir of [".data/e2e-security-a", ".data/e2e-security-b"]) await rm(dir, { recursive: true, force: true });
  const [proxied, direct] = await Promise.all([
    startAppProcess({
      ...shared,
      INBOX_DATA_DIR: ".data/e2e-security-a",
      PORT: String(await freePort()),
      TRUSTED_PROXIES: "127.0.0.1, ::1",
    }),
    startAppProcess({ ...shared, INBOX_DATA_DIR: ".data/e2e-security-b", PORT: String(await freePort()) }),
  ]);
  const prisma = createPrismaClient(database.url, 2);
  await ensureAdmin(prisma, AGENT.email, AGENT.password, "Agent Smith", "agent");
  return {
    proxied,
    direct,
    database,
    sql,
    prisma,
    sandbox,
    stop: async () => {
      await Promise.all([proxied.stop(), direct.stop()]);
      await prisma.$disconnect();
      await sql.end();
      await sandbox.close();
      await database.stop();
    },
  };
}

/** Every response body and stream the suite read, for the token leakage check. */
export const seenBodies: string[] = [];

export type Sent = { status: number; headers: Headers; text: string };

let nextClient = 1;
/** A distinct client address (TEST-NET-2) for each sign-in through the proxied instance, so no test shares a lockout. */
export const freshClientAddress = () => `198.51.100.${nextClient++ % 250}`;

/** One HTTP request as a browser on the instance's own pages would send it (Origin and JSON for changes). */
export async function send(
  app: AppProcess,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string>; stream?: boolean } = {},
): Promise<Sent> {
  const changes = method !== "GET" && method !== "HEAD";
  const controller = new AbortController();
  const response = await fetch(`${app.url}${path}`, {
    method,
    redirect: "manual",
    signal: controller.signal,
    headers: {
      ...(changes ? { origin: app.url, "content-type": "application/json" } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body:
      options.body === undefined || !changes
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
  let text = "";
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A live stream: a moment of it is enough to know what it sends.
    const reader = response.body?.getReader();
    const timer = setTimeout(() => controller.abort(), options.stream ? 3_000 : 300);
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
    } catch {
      // aborted on purpose
    } finally {
      clearTimeout(timer);
    }
  } else {
    text = await response.text();
  }
  seenBodies.push(`${method} ${path} ${response.status}\n${[...response.headers].join("\n")}\n${text}`);
  return { status: response.status, headers: response.headers, text };
}

/** Signs in (through the proxied instance, as a client of its own) and returns the session cookie. */
export async function signInTo(app: AppProcess, who: { email: string; password: string }): Promise<string> {
  const response = await send(app, "POST", "/api/auth/sign-in/email", {
    body: who,
    headers: { "x-forwarded-for": freshClientAddress() },
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}
