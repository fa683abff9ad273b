import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const METHODS = ["GET", "POST", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type DiscoveredRoute = {
  /** The route's folder under app/api, e.g. `chats/[chatId]/read`. */
  route: string;
  /** The HTTP methods its route.ts exports. */
  methods: Method[];
};

const API_DIR = path.resolve(import.meta.dirname, "..", "..", "app", "api");

/** Every /api route on disk (each folder with a route.ts), so a new one cannot be left out of the tests. */
export function discoverApiRoutes(): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = METHODS.filter((method) =>
          new RegExp(`export (const ${method}\\b|(async )?function ${method}\\b)`).test(source),
        );
        found.push({ route: path.relative(API_DIR, dir).split(path.sep).join("/"), methods });
      }
    }
  };
  walk(API_DIR);
  return found.sort((a, b) => a.route.localeCompare(b.route));
}
