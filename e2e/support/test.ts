import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { credentials } from "./auth";

/**
 * The browser tests' `test`: every page starts signed in as the demo user. Each worker signs in
 * once, through the API, and its pages reuse that session (`storageState`); signing in through
 * the form is what e2e/auth.spec.ts tests.
 */
export const test = base.extend<object, { workerStorageState: string }>({
  storageState: ({ workerStorageState }, use) => use(workerStorageState),
  workerStorageState: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? process.env.E2E_BASE_URL;
      const file = path.join(process.env.E2E_DATA_DIR ?? ".data/e2e", `session-${workerInfo.parallelIndex}.json`);
      // Better Auth checks the origin of a sign-in, as it does for the form.
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
      const response = await api.post("/api/auth/sign-in/email", { data: credentials() });
      expect(response.status(), await response.text()).toBe(200);
      await api.storageState({ path: file });
      await api.dispose();
      await use(file);
    },
    { scope: "worker" },
  ],
});

export { expect };
