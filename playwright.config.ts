import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
// Tests drive the server's own modules (embedded Postgres, the logger): resolve `server-only` as the server does.
import "./lib/server/resolve-server-only";

// Debian's Chromium where it is installed (.ci/run installs it); elsewhere Playwright's own
// browser after `npx playwright install chromium`.
const debianChromium = "/usr/bin/chromium";
const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: "exclusive/**", teardown: "exclusive", use: desktop },
    // Specs that change what every test shares (a provider forced to fail, the demo user's language and
    // settings) run alone after the others; as a "teardown" they run even when an earlier test failed.
    { name: "exclusive", testMatch: "exclusive/**/*.spec.ts", workers: 1, use: desktop },
  ],
});
