import "server-only";
import { seal, unseal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { type Env, InvalidEnvironmentError } from "@/lib/env";
import { PROVIDER_INFO, type ProviderVariable } from "@/lib/providers/catalog.types";
import type { ConnectionField, ProviderInfo } from "@/lib/providers/descriptor.types";
import type { ProviderKind } from "@/lib/providers/types";

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

/** The value configuration gives `field`, if any. */
function configured(config: Env, field: ConnectionField): string | undefined {
  return config[field.env as ProviderVariable];
}

function valuesFor(config: Env, info: ProviderInfo, target: ConnectionField["target"]): Record<string, string> {
  return Object.fromEntries(
    info.fields.flatMap((field) => {
      const value = field.target === target ? configured(config, field) : undefined;
      return value === undefined ? [] : [[field.key, value]];
    }),
  );
}

/** The connection the environment describes for one provider: null unless every required value is set. */
function connectionFromEnv(config: Env, info: ProviderInfo, problems: string[]): DesiredConnection | null {
  if (info.fields.some((field) => field.required && configured(config, field) === undefined)) return null;
  const baseUrl = valuesFor(config, info, "baseUrl").baseUrl ?? info.defaultBaseUrl;
  if (!baseUrl) throw new Error(`${info.kind}: a provider without a default URL must require one`);
  const credentials = valuesFor(config, info, "credentials");
  const settings = valuesFor(config, info, "settings");
  for (const [target, schema, values] of [
    ["credentials", info.credentialsSchema, credentials],
    ["settings", info.settingsSchema, settings],
  ] as const) {
    for (const issue of schema.safeParse(values).error?.issues ?? []) {
      const field = info.fields.find((candidate) => candidate.target === target && candidate.key === issue.path[0]);
      problems.push(`${field?.env ?? `${info.kind} ${target}`}: ${issue.message}`);
    }
  }
  return {
    slug: `env:${info.kind}`,
    kind: info.kind,
    displayName: info.displayName,
    baseUrl,
    credentials,
    settings,
    isSandbox: false,
  };
}

/**
 * The providers configured by environment variables, as each descriptor names them: a provider
 * counts when every required value is set (its token; the bridge: its URL).
 */
export function connectionsFromEnv(config: Env): DesiredConnection[] {
  const problems: string[] = [];
  const wanted = Object.values(PROVIDER_INFO).flatMap((info) => connectionFromEnv(config, info, problems) ?? []);
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return wanted;
}

/**
 * Stores the configured connections (credentials sealed) and disables the ones configuration
 * no longer names (never those added in the admin pages), so switching from the sandbox to real providers hides the sandbox chats
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
  // Only the connections configuration manages: the ones admins add in the browser are theirs.
  await prisma.connection.updateMany({
    where: {
      slug: { notIn: wanted.map((connection) => connection.slug) },
      OR: [{ slug: { startsWith: "env:" } }, { slug: { startsWith: "sandbox:" } }],
      enabled: true,
    },
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
