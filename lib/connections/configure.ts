import { seal, unseal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";
import type { ConnectionConfig, ProviderKind } from "@/lib/providers/types";

/** A connection as configuration describes it, before it is stored. */
export type DesiredConnection = {
  slug: string;
  kind: ProviderKind;
  displayName: string;
  baseUrl: string;
  credentials: Record<string, string>;
  settings: Record<string, unknown>;
  isSandbox: boolean;
};

export const PROVIDER_NAMES: Record<ProviderKind, string> = {
  tgbridge: "Telegram bridge",
  smartsender: "SmartSender",
  max: "MAX",
  chatops: "Chat operations",
};

const withToken = (token: string | undefined): Record<string, string> => (token ? { token } : {});

/** The providers configured by environment variables; a provider counts when its token (bridge: URL) is set. */
export function connectionsFromEnv(config: Env): DesiredConnection[] {
  const wanted: DesiredConnection[] = [];
  const add = (kind: ProviderKind, baseUrl: string, credentials: Record<string, string>, settings = {}) =>
    wanted.push({
      slug: `env:${kind}`,
      kind,
      displayName: PROVIDER_NAMES[kind],
      baseUrl,
      credentials,
      settings,
      isSandbox: false,
    });
  if (config.TGBRIDGE_API_URL) {
    add("tgbridge", config.TGBRIDGE_API_URL, withToken(config.TGBRIDGE_API_TOKEN), {
      employeeId: config.TGBRIDGE_EMPLOYEE_ID ?? null,
    });
  }
  if (config.SMARTSENDER_API_TOKEN) {
    add(
      "smartsender",
      config.SMARTSENDER_API_URL ?? "https://api.smartsender.com",
      withToken(config.SMARTSENDER_API_TOKEN),
    );
  }
  if (config.MAX_BOT_TOKEN)
    add("max", config.MAX_API_URL ?? "https://platform-api2.max.ru", withToken(config.MAX_BOT_TOKEN));
  if (config.CHATOPS_API_URL && config.CHATOPS_API_TOKEN) {
    add("chatops", config.CHATOPS_API_URL, withToken(config.CHATOPS_API_TOKEN));
  }
  return wanted;
}

/**
 * Stores the configured connections (credentials sealed) and disables the ones configuration
 * no longer names, so switching from the sandbox to real providers hides the sandbox chats
 * without deleting anything.
 */
export async function applyConnections(prisma: Db, wanted: DesiredConnection[], secret: string): Promise<void> {
  for (const connection of wanted) {
    const stored = await prisma.connection.findUnique({
      where: { slug: connection.slug },
      select: { credentials: true },
    });
    const credentials = sealUnlessStored(connection.credentials, stored?.credentials ?? null, secret);
    // One atomic statement: instances starting together must not race on the same slug. The
    // database bumps config_version when kind, URL, credentials or settings differ.
    await prisma.$executeRaw`
      INSERT INTO connections (slug, kind, display_name, base_url, credentials, settings, is_sandbox, enabled)
      VALUES (${connection.slug}, ${connection.kind}::"ProviderKind", ${connection.displayName}, ${connection.baseUrl},
        ${credentials}, ${JSON.stringify(connection.settings)}::jsonb,
        ${connection.isSandbox}, true)
      ON CONFLICT (slug) DO UPDATE SET kind = EXCLUDED.kind, display_name = EXCLUDED.display_name,
        base_url = EXCLUDED.base_url, credentials = EXCLUDED.credentials, settings = EXCLUDED.settings,
        is_sandbox = EXCLUDED.is_sandbox, enabled = true, updated_at = now()`;
  }
  await prisma.connection.updateMany({
    where: { slug: { notIn: wanted.map((connection) => connection.slug) }, enabled: true },
    data: { enabled: false },
  });
}

const canonical = (credentials: Record<string, string>) =>
  JSON.stringify(Object.entries(credentials).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The stored ciphertext when it already holds these credentials (sealing again would give other
 * bytes for the same secret, and so a new config version), else a fresh sealing.
 */
function sealUnlessStored(credentials: Record<string, string>, stored: string | null, secret: string): string {
  if (stored !== null) {
    try {
      const current = JSON.parse(unseal(stored, secret)) as Record<string, string>;
      if (canonical(current) === canonical(credentials)) return stored;
    } catch {
      // Sealed under another key (or unreadable): sealing them again under this one is the fix.
    }
  }
  return seal(JSON.stringify(credentials), secret);
}

type StoredConnection = {
  id: string;
  kind: ProviderKind;
  baseUrl: string;
  credentials: string | null;
  settings: unknown;
};

/** What a provider factory needs, with the credentials unsealed. */
export function toConnectionConfig(stored: StoredConnection, secret: string): ConnectionConfig {
  return {
    id: stored.id,
    kind: stored.kind,
    baseUrl: stored.baseUrl,
    credentials: stored.credentials ? (JSON.parse(unseal(stored.credentials, secret)) as Record<string, string>) : {},
    settings: (stored.settings ?? {}) as Record<string, unknown>,
  };
}
