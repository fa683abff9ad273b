import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";
import { hasRuntimeSecretKey, runtimeSecretKey } from "@/lib/runtime";
import { TEST_SECRET_KEY } from "@/lib/sync/testing/fake-connection";
import type { SyncTuning } from "@/lib/sync/tuning";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export type SyncChild = {
  instanceId: string;
  child: ChildProcess;
  /** Every JSON log line the process printed so far. */
  logs: () => Array<Record<string, unknown>>;
  /** Sends `signal` and waits until the process is gone. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** Starts `sync-process.ts` as a separate process (a separate app instance) with debug logs. */
export function startSyncChild(options: {
  databaseUrl: string;
  instanceId: string;
  pollIntervalMs?: number;
  tuning?: Partial<SyncTuning>;
}): SyncChild {
  // Node itself with tsx as a loader (not the tsx CLI, which runs the script in a grandchild
  // that a SIGKILL of the CLI would leave running).
  const script = path.join(ROOT, "lib/sync/testing/sync-process.ts");
  const test = JSON.stringify({ instanceId: options.instanceId, tuning: options.tuning ?? {} });
  const serverOnly = path.join(ROOT, "lib/server/resolve-server-only.ts");
  const child = spawn(process.execPath, ["--import", "tsx", "--import", serverOnly, script, test], {
    cwd: ROOT,
    // Configured as an app instance is: by its environment.
    env: childProcessEnv({
      DATABASE_URL: options.databaseUrl,
      INBOX_SECRET_KEY: hasRuntimeSecretKey() ? runtimeSecretKey() : TEST_SECRET_KEY,
      SYNC_POLL_INTERVAL_MS: String(options.pollIntervalMs ?? 60_000),
      LOG_LEVEL: "debug",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<Record<string, unknown>> = [];
  let pending = "";
  let errors = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split("\n");
    pending = complete.pop() ?? "";
    for (const line of complete) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line (tsx or npm chatter).
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    instanceId: options.instanceId,
    child,
    logs: () => {
      if (errors.includes("Error")) throw new Error(`sync process ${options.instanceId} failed:\n${errors}`);
      return lines;
    },
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
