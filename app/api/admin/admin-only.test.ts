import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every route.ts under app/api/admin, found on disk so a new one cannot be missed. */
function adminRouteFiles(dir = import.meta.dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return adminRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("app/api/admin", () => {
  it('builds every handler with withSession({ role: "admin", … }) and nothing else', () => {
    const files = adminRouteFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const name = path.relative(import.meta.dirname, file);
      const exported = source.match(/export const (GET|POST|PATCH|PUT|DELETE)\b/g) ?? [];
      const adminHandlers = source.match(/withSession\(\s*\{\s*role: "admin"/g) ?? [];
      expect(exported.length, `${name} exports handlers`).toBeGreaterThan(0);
      expect(adminHandlers.length, `${name}: every handler is admin-only`).toBe(exported.length);
      expect(source, name).not.toMatch(/publicRoute|export (async )?function/);
    }
  });
});
