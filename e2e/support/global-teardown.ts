import type { AppProcess } from "./app-process";

export default async function globalTeardown() {
  const app = (globalThis as { e2eApp?: AppProcess }).e2eApp;
  await app?.stop("SIGTERM");
}
