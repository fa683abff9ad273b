import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { seedDemoReplies } from "@/lib/canned-replies/demo-replies";
import { applyConnections, connectionsFromEnv, type DesiredConnection } from "@/lib/connections/configure";
import { createPrismaClient } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env, InvalidEnvironmentError } from "@/lib/env";
import { componentLogger } from "@/lib/logger";
import { providerInfo } from "@/lib/providers/catalog.types";
import { provideRuntime } from "@/lib/runtime";
import { buildIfNeeded } from "@/lib/server/build-if-needed";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { resolveSecretKey } from "@/lib/server/secret-key-file";
import { ensureStaffAccess, type LoginHint } from "@/lib/server/staff-access";

const log = componentLogger("start");

type Stoppable = { name: string; stop: () => Promise<void> };

function say(line = "") {
  process.stdout.write(`${line}\n`);
}

function banner(url: string, login: LoginHint | null, demo: boolean, embedded: boolean, startMs: number) {
  say();
  say(`  Support Inbox is ready at ${url}   (started in ${((Date.now() - startMs) / 1000).toFixed(1)} s)`);
  if (demo) say("  Demo mode: no provider is configured, so sandbox providers with sample chats are running.");
  if (embedded) say("  Database: embedded PostgreSQL (set DATABASE_URL to use your own server).");
  if (login?.link) say(`  Open this one-time link to choose the password of ${login.email}: ${login.link}`);
  else if (login?.password) say(`  Sign in as ${login.email} with password ${login.password}`);
  else if (login) say(`  Sign in as ${login.email} (password from ADMIN_PASSWORD).`);
  say();
}

/** Starts the sandbox providers and notes their addresses in the data folder (for tests that drive them). */
async function sandboxConnections(stoppables: Stoppable[], dataDir: string): Promise<DesiredConnection[]> {
  const { startSandbox } = await import("@/sandbox/start-sandbox");
  const sandbox = await startSandbox();
  stoppables.push({ name: "sandbox providers", stop: sandbox.close });
  const addresses = Object.fromEntries(Object.values(sandbox.fakes).map((fake) => [fake.kind, fake.url]));
  // Like the secret key, this file needs the data folder even when no embedded database made it.
  const root = path.resolve(dataDir);
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, "sandbox.json"), `${JSON.stringify(addresses, null, 2)}\n`);
  return Object.values(sandbox.fakes).map((fake) => ({
    slug: `sandbox:${fake.kind}`,
    kind: fake.kind,
    displayName: `${providerInfo(fake.kind).displayName} (sandbox)`,
    isSandbox: true,
    ...fake.connection(),
  }));
}

/** Starts everything the inbox needs in this one process, in order, and stops it all on exit. */
export async function runApp({ dev }: { dev: boolean }): Promise<void> {
  const startMs = Date.now();
  const stoppables: Stoppable[] = [];
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    for (const item of stoppables.reverse()) {
      await item.stop().catch((error: unknown) => log.warn({ err: error, item: item.name }, "stop failed"));
    }
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // When whatever started us (npm, a shell, a test) is killed outright, we are re-parented:
  // stop too, instead of holding the port and the database as an orphan.
  const parent = process.ppid;
  if (parent !== 1) {
    setInterval(() => {
      if (process.ppid !== parent) void shutdown("parent-exited");
    }, 1000).unref();
  }

  try {
    const config = env();
    const root = process.cwd();
    if (!dev) {
      const built = await buildIfNeeded(root, config.NEXT_DIST_DIR);
      if (built) log.info("production build refreshed");
    }

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ dataDir: config.INBOX_DATA_DIR });
      stoppables.push({ name: "embedded PostgreSQL", stop: embedded.stop });
      databaseUrl = embedded.url;
    }
    const migration = await migrate(databaseUrl);
    if (migration.applied.length > 0) log.info({ applied: migration.applied }, "migrations applied");

    const secret = await resolveSecretKey(config.INBOX_DATA_DIR, config.INBOX_SECRET_KEY);
    // The routes (another copy of lib/, in Next's bundles) read these from the process-wide runtime.
    provideRuntime({ databaseUrl, secretKey: secret, demoLogin: null });

    const prisma = createPrismaClient(databaseUrl, 3);
    stoppables.push({ name: "start-up database client", stop: () => prisma.$disconnect() });
    const configured = connectionsFromEnv(config);
    // Connections added in the admin pages count as configuration too: then there is no demo mode.
    const browserConfigured = await prisma.connection.count({
      where: { slug: { startsWith: "admin:" }, enabled: true, deletedAt: null },
    });
    const demo = configured.length === 0 && browserConfigured === 0;
    const connections = demo ? await sandboxConnections(stoppables, config.INBOX_DATA_DIR) : configured;
    await applyConnections(prisma, connections, secret);
    const login = await ensureStaffAccess(prisma, config, secret, demo);
    if (demo) await seedDemoReplies(prisma);
    const shown = login?.shownOnLoginPage && login.password ? { email: login.email, password: login.password } : null;
    provideRuntime({ demoLogin: shown });

    const { startNextServer } = await import("@/lib/server/next-server");
    const server = await startNextServer({
      dev,
      host: config.HOST,
      port: config.PORT,
      dir: root,
      trustedProxies: config.TRUSTED_PROXIES,
    });
    stoppables.push({ name: "HTTP server", stop: server.close });

    if (config.SYNC_ENABLED === "true") {
      const { startBackgroundWork } = await import("@/lib/server/background");
      const background = await startBackgroundWork({
        databaseUrl,
        pollIntervalMs: config.SYNC_POLL_INTERVAL_MS,
        appUrl: config.APP_URL,
      });
      stoppables.push({ name: "background work", stop: background.stop });
    }

    banner(server.url, login, demo, !config.DATABASE_URL, startMs);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(`\n${error.message}\n\nSee the environment table in README.md.\n`);
    } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`\nPort ${env().PORT} is already in use. Stop the other server or set PORT.\n`);
    } else {
      console.error("\nThe inbox could not start:", error instanceof Error ? error.message : error, "\n");
      log.error({ err: error }, "start failed");
    }
    await shutdown("start-failure", 1);
  }
}
