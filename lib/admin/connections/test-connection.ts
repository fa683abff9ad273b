import "server-only";
import { randomUUID } from "node:crypto";
import type { ConnectionProblem, ConnectionTestResult } from "@/lib/admin/connections/connections.types";
import { isProviderError, type ProviderError } from "@/lib/providers/errors";
import { createProvider } from "@/lib/providers/registry";
import type { ConnectionConfig } from "@/lib/providers/types";

const TEST_TIMEOUT_MS = 10_000;

/** Every error code and message down the `cause` chain (fetch hides the socket's reason there). */
function causes(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 6; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    parts.push(String(code ?? ""), String(message ?? ""));
    current = cause;
  }
  return parts.join(" ");
}

const TLS = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO|ERR_TLS/i;

function judge(error: ProviderError, provider: string): { problem: ConnectionProblem; message: string } {
  const status = error.status === null ? "" : ` (HTTP ${error.status})`;
  switch (error.kind) {
    case "unauthorized":
    case "forbidden":
      return { problem: "refused", message: `${provider} refused the credentials${status}. Check the token.` };
    case "not_found":
    case "malformed":
    case "bad_request":
      return {
        problem: "wrong_url",
        message: `This address does not answer as ${provider} does${status}. Check the base URL.`,
      };
    case "rate_limited":
      return { problem: "rate_limited", message: `${provider} asks us to slow down${status}. Try again in a minute.` };
    case "server":
      return { problem: "provider_error", message: `${provider} had an error of its own${status}. Try again later.` };
    case "invalid_input":
      return { problem: "invalid", message: error.message };
    default: {
      if (TLS.test(causes(error))) {
        return {
          problem: "tls",
          message: "The secure connection failed (TLS certificate). Check the address or the server's certificate.",
        };
      }
      const timedOut = error.kind === "timeout" ? " in time" : "";
      return {
        problem: "unreachable",
        message: `The host did not answer${timedOut}. Check the address and that the server is running.`,
      };
    }
  }
}

/**
 * One cheap authenticated call with these settings (the provider's `checkAccess`, else the first
 * page of its chats), on a provider object of its own that is closed afterwards. Nothing is stored.
 */
export async function testConnection(
  config: Omit<ConnectionConfig, "id">,
  provider: string,
): Promise<ConnectionTestResult> {
  let built: ReturnType<typeof createProvider>;
  try {
    built = createProvider({ ...config, id: `test-${randomUUID()}` });
  } catch (error) {
    return { ok: false, problem: "invalid", message: error instanceof Error ? error.message : String(error) };
  }
  const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  try {
    if (built.checkAccess) await built.checkAccess(signal);
    else if (built.capabilities.listChats) await built.capabilities.listChats(null, signal);
    else return { ok: false, problem: "invalid", message: "This provider offers no call to test a connection with" };
    return { ok: true };
  } catch (error) {
    if (isProviderError(error)) return { ok: false, ...judge(error, provider) };
    if (signal.aborted) {
      return { ok: false, problem: "unreachable", message: "The host did not answer in time. Check the address." };
    }
    return {
      ok: false,
      problem: TLS.test(causes(error)) ? "tls" : "unreachable",
      message: "The host could not be reached. Check the address and that the server is running.",
    };
  } finally {
    await built.close?.().catch(() => {});
  }
}
