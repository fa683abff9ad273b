import { toConnectionConfig } from "@/lib/connections/configure";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { processSingleton } from "@/lib/process-singleton";
import { createProvider } from "@/lib/providers/registry";
import type { Capabilities, Capability, ChatProvider } from "@/lib/providers/types";
import { runtimeSecretKey } from "@/lib/runtime";

type Cached = { version: number; provider: ChatProvider };

/** Shared by the background work and every request, so a connection has one rate limiter. */
const cache = processSingleton("provider-cache", () => new Map<string, Cached>());

/**
 * The provider behind a stored connection, built once per configuration version (a changed
 * token, URL or setting builds a new one; health and sync progress do not) so its rate limiter
 * and keep-alive sockets are shared.
 */
export async function providerForConnection(client: DbClient, connectionId: string): Promise<ChatProvider> {
  const stored = await client.connection.findUnique({ where: { id: connectionId } });
  if (!stored) throw new AppError("NOT_FOUND", "Connection not found");
  const version = stored.configVersion;
  const cached = cache.get(connectionId);
  if (cached && cached.version === version) return cached.provider;
  await cached?.provider.close?.();
  const provider = createProvider(toConnectionConfig(stored, runtimeSecretKey()));
  cache.set(connectionId, { version, provider });
  return provider;
}

/** The implementation of `capability`, or a clear 422 when this provider has none. */
export function requireCapability<Name extends Capability>(
  provider: ChatProvider,
  capability: Name,
): Capabilities[Name] {
  const implementation = provider.capabilities[capability];
  if (!implementation) {
    throw new AppError("UNSUPPORTED", `This provider does not support ${capability}`, { capability });
  }
  return implementation as Capabilities[Name];
}
