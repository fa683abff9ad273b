/**
 * The real logger in a real process, writing JSON lines to stdout as the app does: secrets are
 * censored at any depth, inside errors, in child bindings and inside text.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

const SECRETS = {
  authorization: "Bearer authz-0123456789",
  cookie: "better-auth.session_token=cookie-0123456789",
  password: "password-0123456789",
  token: "token-0123456789",
  credentials: "credentials-0123456789",
  apiKey: "apikey-0123456789",
  inUrl: "urltoken-0123456789",
  inText: "bearer-0123456789",
  configured: "configured-provider-token-0123456789",
};

/** Logs `script`'s lines through lib/logger in a child process and returns what it printed. */
async function logLines(script: string): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "--import", "./lib/server/resolve-server-only.ts", "--input-type=module", "-e", script],
    {
      cwd: process.cwd(),
      env: { ...process.env, LOG_LEVEL: "debug", MAX_BOT_TOKEN: SECRETS.configured },
    },
  );
  return stdout.trim().split("\n");
}

describe("log redaction", () => {
  it("censors authorization headers, tokens, passwords, cookies and credentials at any depth", async () => {
    const lines = await logLines(`
      import { componentLogger } from "@/lib/logger";
      const log = componentLogger("probe");
      class ProviderError extends Error {}
      const error = new ProviderError("provider call failed");
      error.config = { url: "https://api.example/v1/chats", headers: { Authorization: ${JSON.stringify(SECRETS.authorization)} } };
      log.error({ err: error }, "nested in an error");
      log.info({ a: { b: { c: { d: { e: { f: { request: { headers: { cookie: ${JSON.stringify(SECRETS.cookie)} } } } } } } } } }, "six levels down");
      log.info({ users: [{ name: "x", password: ${JSON.stringify(SECRETS.password)} }], connection: { settings: { botToken: ${JSON.stringify(SECRETS.token)} } } }, "in arrays and camelCase");
      log.child({ credentials: ${JSON.stringify(SECRETS.credentials)} }).warn({ options: { "x-api-key": ${JSON.stringify(SECRETS.apiKey)} } }, "bindings");
      log.info("GET https://platform.example/messages?chat_id=1&access_token=${SECRETS.inUrl} answered 401");
      log.info({ note: "sent Bearer ${SECRETS.inText} upstream" }, "in text");
      log.debug({ detail: "configured value ${SECRETS.configured} echoed by a provider" }, "a configured secret");
      const loop = { name: "loop" }; loop.self = loop; log.info({ loop }, "circular");
    `);
    const output = lines.join("\n");
    for (const secret of Object.values(SECRETS)) {
      const needle = secret
        .replace(/^Bearer /, "")
        .split("=")
        .pop() as string;
      expect(output, `"${needle}" leaked`).not.toContain(needle);
    }
    expect(lines).toHaveLength(8);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({
      msg: "nested in an error",
      err: {
        type: "ProviderError",
        message: "provider call failed",
        config: { headers: { Authorization: "[redacted]" } },
      },
    });
    expect(JSON.stringify(parsed[1])).toContain('"cookie":"[redacted]"');
    expect(parsed[4]?.msg).toBe("GET https://platform.example/messages?chat_id=1&access_token=[redacted] answered 401");
    expect(parsed[7]).toMatchObject({ msg: "circular", loop: { name: "loop", self: "[circular]" } });
  });
});
