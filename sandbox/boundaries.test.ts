/**
 * The sandboxes are written from the provider documents, beside the product: they never reuse
 * an adapter's client, schemas, mapper or enums, and the product never depends on them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** Every module a file imports, and whether statically (`import … from`) or with `import()`. */
function importsOf(file: string): Array<{ specifier: string; dynamic: boolean }> {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*(\()?\s*)["']([^"']+)["']/g)].map((match) => ({
    specifier: match[2] as string,
    dynamic: match[1] === "(",
  }));
}

const isTestCode = (file: string) => /\.test\.tsx?$|\/testing\//.test(file);

describe("sandbox boundaries", () => {
  it("the sandbox imports from the app only the shared provider vocabulary and the seed documents' samples", () => {
    const reaching = sourceFiles("sandbox").flatMap((file) =>
      importsOf(file)
        .map(({ specifier }) => specifier)
        .filter((specifier) => specifier.startsWith("@/") && !specifier.startsWith("@/sandbox/"))
        .filter((specifier) => specifier !== "@/lib/providers/types")
        .filter((specifier) => !/^@\/lib\/providers\/\w+\/fixtures\/[\w.-]+\.json$/.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(reaching).toEqual([]);
  });

  it("product code never imports the sandbox, except the demo start-up loading it on demand", () => {
    const product = ["app", "components", "lib"].flatMap(sourceFiles).filter((file) => !isTestCode(file));
    const reaching = product.flatMap((file) =>
      importsOf(file)
        .filter(({ specifier }) => specifier.startsWith("@/sandbox/"))
        .filter(
          ({ specifier, dynamic }) =>
            !(dynamic && file === "lib/server/main.ts" && specifier === "@/sandbox/start-sandbox"),
        )
        .map(({ specifier }) => `${file} imports ${specifier}`),
    );
    expect(reaching).toEqual([]);
    expect(importsOf("lib/server/main.ts")).toContainEqual({ specifier: "@/sandbox/start-sandbox", dynamic: true });
  });
});
