import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type AppProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends `signal` and waits for the process to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Runs `npm start`'s entry point as a real separate process, exactly as a user would, and
 * resolves once it prints its "ready" banner.
 */
export function startAppProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<AppProcess> {
  // The same command as `npm start`: one node process, so a signal reaches the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The app did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready at (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({
          url: ready[1] as string,
          child,
          output: () => output,
          stop: async (signal = "SIGTERM") => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with code ${code} before it was ready:\n${output}`));
    });
  });
}
