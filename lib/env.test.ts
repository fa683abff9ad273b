import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { childProcessEnv, envSchema, InvalidEnvironmentError, logLevel, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("starts with nothing set, with the documented defaults", () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(3000);
    expect(config.INBOX_DATA_DIR).toBe(".data");
    expect(config.SYNC_POLL_INTERVAL_MS).toBe(15_000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", MAX_BOT_TOKEN: "  " }).MAX_BOT_TOKEN).toBeUndefined();
  });

  it("names every bad variable in one clear error", () => {
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", ADMIN_PASSWORD: "short", MAX_API_URL: "ftp://max" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const message = (error as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "ADMIN_PASSWORD", "MAX_API_URL"]) expect(message).toContain(name);
    }
  });

  it("accepts TRUSTED_PROXIES as addresses and CIDR ranges, and stops on anything else", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1, ::1, fd00::/8" }).TRUSTED_PROXIES).toBeDefined();
    expect(parseEnv({}).TRUSTED_PROXIES).toBeUndefined();
    for (const value of ["proxy.local", "10.0.0.0/33", "10.0.0.1/8/2", "*"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: value }), value).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it("gives the logger its level even when another variable is bad, and the default for a bad level", () => {
    expect(logLevel({ LOG_LEVEL: "debug", PORT: "eighty" })).toBe("debug");
    expect(logLevel({ LOG_LEVEL: "loud" })).toBe("info");
  });

  it("hands a child process this environment with its overrides", () => {
    const child = childProcessEnv({ NODE_ENV: "production" });
    expect(child.NODE_ENV).toBe("production");
    expect(child.PATH).toBeTruthy();
  });

  it("is what README's configuration table lists, variable for variable", () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## How it is built"));
    const documented = table
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1]));
    const read = Object.keys(envSchema.shape).filter((name) => name !== "NODE_ENV");
    expect(documented.sort()).toEqual(read.sort());
  });
});
