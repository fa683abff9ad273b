import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("starts with nothing set, with the documented defaults", () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(3000);
    expect(config.INBOX_DATA_DIR).toBe(".data");
    expect(config.SYNC_POLL_INTERVAL_MS).toBe(15_000);
    expect(config.SMARTSENDER_API_URL).toBe("https://api.smartsender.com");
    expect(config.MAX_API_URL).toBe("https://platform-api2.max.ru");
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
});
