import "server-only";
import type { DbClient } from "@/lib/db";
import { providerForConnection } from "@/lib/providers/for-connection";
import { type Capability, declaredCapabilities, type ProviderKind } from "@/lib/providers/types";

export type ConnectionSummary = {
  id: string;
  kind: ProviderKind;
  displayName: string;
  isSandbox: boolean;
  health: "unknown" | "ok" | "degraded" | "down";
  lastError: string | null;
  lastErrorAt: string | null;
  lastSyncAt: string | null;
  capabilities: Capability[];
  /** For lookups by link: the pattern a link must match (see ChatProvider.linkPattern). */
  linkPattern: string | null;
};

/** The enabled connections with their health and what each can do (the UI shows and hides actions by it). */
export async function listConnections(client: DbClient): Promise<ConnectionSummary[]> {
  const connections = await client.connection.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    connections.map(async (connection) => {
      const provider = await providerForConnection(client, connection.id);
      return {
        id: connection.id,
        kind: connection.kind,
        displayName: connection.displayName,
        isSandbox: connection.isSandbox,
        health: connection.health,
        lastError: connection.lastError,
        lastErrorAt: connection.lastErrorAt?.toISOString() ?? null,
        lastSyncAt: connection.lastSyncAt?.toISOString() ?? null,
        capabilities: declaredCapabilities(provider),
        linkPattern: provider.linkPattern ?? null,
      };
    }),
  );
}
