import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort } from "../../lib/server/free-port";
import { startAppProcess } from "./app-process";

export const E2E_DATA_DIR = ".data/e2e";
const STATE_FILE = path.join(E2E_DATA_DIR, "..", "e2e-server.json");

/**
 * One production server for the browser tests, started like `npm start` with no provider
 * configured (demo mode, sandbox providers) and its own fresh data folder.
 */
export default async function globalSetup() {
  await rm(E2E_DATA_DIR, { recursive: true, force: true });
  const port = await freePort();
  const app = await startAppProcess({
    INBOX_DATA_DIR: E2E_DATA_DIR,
    PORT: String(port),
    HOST: "127.0.0.1",
    SYNC_POLL_INTERVAL_MS: "2000",
  });
  // The banner's lines after "ready at" can arrive in a later chunk on a busy machine.
  const passwordLine = /with password (\S+)\n/;
  for (let waited = 0; !passwordLine.test(app.output()) && waited < 5_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const password = passwordLine.exec(app.output())?.[1];
  if (!password) throw new Error(`The demo server printed no password:\n${app.output()}`);
  process.env.E2E_BASE_URL = app.url;
  process.env.E2E_EMAIL = "demo@inbox.local";
  process.env.E2E_PASSWORD = password;
  process.env.E2E_DATA_DIR = E2E_DATA_DIR;
  await writeFile(STATE_FILE, JSON.stringify({ pid: app.child.pid }));
  // Kept on globalThis for the teardown, which runs in this same process.
  (globalThis as { e2eApp?: typeof app }).e2eApp = app;
}
