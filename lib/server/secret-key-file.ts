import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

const KEY_FILE = "secret.key";
/** A generated key is 43 characters; a shorter file is damaged, and using it would weaken every seal. */
const SHORTEST_KEY = 32;

async function readKey(file: string): Promise<string> {
  const key = (await readFile(file, "utf8")).trim();
  if (key.length < SHORTEST_KEY) {
    throw new Error(
      `${file} holds no usable key (fewer than ${SHORTEST_KEY} characters): restore it or set INBOX_SECRET_KEY`,
    );
  }
  return key;
}

/**
 * The key that seals provider credentials and signs sessions: INBOX_SECRET_KEY when given,
 * otherwise one generated on first start and kept in the data folder (mode 0600).
 *
 * Two instances starting on one data folder must end with the same key. Each writes its
 * candidate to a file of its own, created exclusively (`wx`, 0600) and complete before anyone
 * can see it, then links it to the key's name: the link fails for every instance but the
 * first, and those read the winner's key, so no one ever reads a half-written file.
 */
export async function resolveSecretKey(dataDir: string, provided: string | undefined): Promise<string> {
  if (provided) return provided;
  const file = path.join(path.resolve(dataDir), KEY_FILE);
  try {
    return await readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  const candidate = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  await writeFile(candidate, `${key}\n`, { flag: "wx", mode: 0o600 });
  try {
    await link(candidate, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return await readKey(file);
  } finally {
    await unlink(candidate).catch(() => {});
  }
}
