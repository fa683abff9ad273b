import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { childProcessEnv } from "@/lib/env";

/** What a production build is made from; a change to any of these makes `npm start` rebuild. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIPPED = /(\.test\.tsx?$|\/testing\/)/;

async function collect(entry: string, into: string[]): Promise<void> {
  if (!existsSync(entry)) return;
  const info = await stat(entry);
  if (info.isFile()) {
    if (!SKIPPED.test(entry)) into.push(`${entry}:${info.size}:${info.mtimeMs}`);
    return;
  }
  for (const child of (await readdir(entry)).sort()) await collect(path.join(entry, child), into);
}

export async function sourceFingerprint(root: string): Promise<string> {
  const parts: string[] = [];
  for (const input of BUILD_INPUTS) await collect(path.join(root, input), parts);
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

function runNextBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: childProcessEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`)),
    );
  });
}

/** Builds the production bundle when there is none or the sources changed since the last one. */
export async function buildIfNeeded(root: string, distDir: string): Promise<boolean> {
  const marker = path.join(root, distDir, "inbox-source-fingerprint");
  const fingerprint = await sourceFingerprint(root);
  const built = existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(marker);
  if (built && (await readFile(marker, "utf8")) === fingerprint) return false;
  await runNextBuild(root);
  await writeFile(marker, fingerprint);
  return true;
}
