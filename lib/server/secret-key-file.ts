import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The key that seals provider credentials and signs sessions: INBOX_SECRET_KEY when given,
 * otherwise one generated on first start and kept in the data folder (mode 0600).
 */
export async function resolveSecretKey(dataDir: string, provided: string | undefined): Promise<string> {
  if (provided) return provided;
  const file = path.join(path.resolve(dataDir), "secret.key");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}
