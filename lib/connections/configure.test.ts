import { describe, expect, it } from "vitest";
import { connectionsFromEnv } from "@/lib/connections/configure";
import { InvalidEnvironmentError, parseEnv } from "@/lib/env";

const fromEnv = (variables: Record<string, string>) => connectionsFromEnv(parseEnv(variables));

describe("connections from the environment", () => {
  it("configures nothing when no provider variable is set (demo mode)", () => {
    expect(fromEnv({})).toEqual([]);
  });

  it("configures each provider by its own variables, with the default URL where there is one", () => {
    const connections = fromEnv({
      TGBRIDGE_API_URL: "https://bridge.example.com",
      TGBRIDGE_EMPLOYEE_ID: "42",
      SMARTSENDER_API_TOKEN: "ss-token",
      MAX_BOT_TOKEN: "max-token",
      MAX_API_URL: "https://max.example.com",
      CHATOPS_API_URL: "https://chatops.example.com",
      CHATOPS_API_TOKEN: "chatops-token",
    });
    expect(connections).toEqual([
      {
        slug: "env:tgbridge",
        kind: "tgbridge",
        displayName: "Telegram bridge",
        baseUrl: "https://bridge.example.com",
        credentials: {},
        settings: { employeeId: "42" },
        isSandbox: false,
      },
      {
        slug: "env:smartsender",
        kind: "smartsender",
        displayName: "SmartSender",
        baseUrl: "https://api.smartsender.com",
        credentials: { token: "ss-token" },
        settings: {},
        isSandbox: false,
      },
      {
        slug: "env:max",
        kind: "max",
        displayName: "MAX",
        baseUrl: "https://max.example.com",
        credentials: { token: "max-token" },
        settings: {},
        isSandbox: false,
      },
      {
        slug: "env:chatops",
        kind: "chatops",
        displayName: "Chat operations",
        baseUrl: "https://chatops.example.com",
        credentials: { token: "chatops-token" },
        settings: {},
        isSandbox: false,
      },
    ]);
  });

  it("leaves out a provider whose required values are not all set", () => {
    expect(fromEnv({ CHATOPS_API_URL: "https://chatops.example.com", TGBRIDGE_API_TOKEN: "t" })).toEqual([]);
  });

  it("names the variable whose value the provider cannot use", () => {
    const configure = () =>
      fromEnv({
        TGBRIDGE_API_URL: "https://bridge.example.com",
        TGBRIDGE_EMPLOYEE_ID: "Ivanov",
        MAX_BOT_TOKEN: "x".repeat(5000),
      });
    expect(configure).toThrow(InvalidEnvironmentError);
    expect(configure).toThrow(/TGBRIDGE_EMPLOYEE_ID[\s\S]*MAX_BOT_TOKEN/);
  });
});
