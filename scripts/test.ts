// `npm test`: type-check, lint, unit and database tests (Vitest, real embedded Postgres), then
// browser tests (Playwright, production build, Debian's Chromium). Every stage runs even when an
// earlier one fails, and the last line sums them all up.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

type Outcome = { stage: string; passed: number; failed: number };

const RESULTS = path.resolve(".data/test-results");
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const only = process.argv.slice(2);
const wanted = (stage: string) => only.length === 0 || only.includes(stage);

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

const outcomes: Outcome[] = [];

if (wanted("typecheck")) {
  process.stdout.write("\n▶ Type-checking\n");
  const code = run(bin("tsc"), ["--noEmit", "-p", "."]);
  outcomes.push({ stage: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

if (wanted("lint")) {
  process.stdout.write("\n▶ Linting (format, lint rules, direction of imports)\n");
  const code = run("npm", ["run", "--silent", "lint"]);
  outcomes.push({ stage: "lint", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

if (wanted("unit")) {
  process.stdout.write("\n▶ Unit and database tests (Vitest)\n");
  const file = path.join(RESULTS, "vitest.json");
  const code = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  outcomes.push({
    stage: "unit",
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0) : 1,
  });
}

if (wanted("e2e")) {
  process.stdout.write("\n▶ Browser tests (Playwright)\n");
  const file = path.join(RESULTS, "playwright.json");
  const code = run(bin("playwright"), ["test", "--reporter=list,json,html"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  const failed = report ? report.stats.unexpected : 1;
  outcomes.push({
    stage: "e2e",
    passed: report ? report.stats.expected + report.stats.flaky : 0,
    failed: failed + (code !== 0 && failed === 0 ? 1 : 0),
  });
}

const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
process.stdout.write("\n");
for (const outcome of outcomes) {
  process.stdout.write(`  ${outcome.stage.padEnd(10)} ${outcome.passed} passed, ${outcome.failed} failed\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
