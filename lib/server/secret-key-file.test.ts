import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveSecretKey } from "@/lib/server/secret-key-file";

const run = promisify(execFile);
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "secret-key-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("the generated secret key file", () => {
  it("is created once, readable by its owner only, even when many starts race for it", async () => {
    const keys = await Promise.all(Array.from({ length: 20 }, () => resolveSecretKey(dataDir, undefined)));
    expect(new Set(keys).size).toBe(1);
    const file = path.join(dataDir, "secret.key");
    expect((await readFile(file, "utf8")).trim()).toBe(keys[0]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual(["secret.key"]);
  });

  it("ends with one key when instances (separate processes) start on one data folder at the same moment", async () => {
    // Each process waits for the same instant, so their reads and writes really overlap.
    const startAt = Date.now() + 2_500;
    const script = `import { resolveSecretKey } from "@/lib/server/secret-key-file";
      await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));
      process.stdout.write(await resolveSecretKey(${JSON.stringify(dataDir)}, undefined));`;
    const start = () => run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
    const outputs = await Promise.all([start(), start(), start(), start()]);
    expect(new Set(outputs.map((output) => output.stdout)).size).toBe(1);
    expect(await resolveSecretKey(dataDir, undefined)).toBe(outputs[0]?.stdout);
  });

  it("keeps an existing key, lets INBOX_SECRET_KEY win, and refuses a damaged file", async () => {
    const first = await resolveSecretKey(dataDir, undefined);
    expect(await resolveSecretKey(dataDir, undefined)).toBe(first);
    expect(await resolveSecretKey(dataDir, "explicit-key-of-at-least-32-characters")).toBe(
      "explicit-key-of-at-least-32-characters",
    );
    await writeFile(path.join(dataDir, "secret.key"), "short\n");
    await expect(resolveSecretKey(dataDir, undefined)).rejects.toThrow(/no usable key/);
  });
});
