import "server-only";
import { unseal } from "@/lib/crypto/secret-box";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { processSingleton } from "@/lib/process-singleton";
import { createProvider } from "@/lib/providers/registry";
import type { Capabilities, Capability, ChatProvider, ConnectionConfig } from "@/lib/providers/types";
import { runtimeSecretKey } from "@/lib/runtime";

type Cached = { version: number; provider: ChatProvider };

/**
 * Providers sit below the services that manage connections (lib/connections), and the sync and
 * the outbox, which sit between them, need providers too. So the stored connection is turned into
 * what a provider is built from (credentials unsealed) here, beside the one cache of built
 * providers, and lib/connections only writes connections.
 */
type StoredConnection = {
  id: string;
  kind: ConnectionConfig["kind"];
  baseUrl: string;
  credentials: string | null;
  settings: unknown;
};

/** What a provider factory needs, with the credentials unsealed. */
function toConnectionConfig(stored: StoredConnection, secret: string): ConnectionConfig {
  return {
    id: stored.id,
    kind: stored.kind,
    baseUrl: stored.baseUrl,
    credentials: stored.credentials ? (JSON.parse(unseal(stored.credentials, secret)) as Record<string, string>) : {},
    settings: (stored.settings ?? {}) as Record<string, unknown>,
  };
}

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
