import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  AdminConnection,
  ConnectionInput,
  ConnectionSource,
  ConnectionTestResult,
  ZCreateConnectionRequest,
  ZUpdateConnectionRequest,
} from "@/lib/admin/connections/connections.types";
import { testConnection } from "@/lib/admin/connections/test-connection";
import { recordAudit } from "@/lib/audit/record";
import type { StaffSession } from "@/lib/auth/session";
import { seal, unseal } from "@/lib/crypto/secret-box";
import type { Db, DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitChanges } from "@/lib/events/emit";
import { componentLogger } from "@/lib/logger";
import { providerInfo } from "@/lib/providers/catalog.types";
import type { ProviderKind } from "@/lib/providers/types";
import { provideRuntime, runtimeSecretKey } from "@/lib/runtime";
import { dropWebhook } from "@/lib/sync/webhooks";

const log = componentLogger("admin");

/** Connections the admin pages make get slugs of their own; start-up manages "env:" and "sandbox:". */
const BROWSER_SLUG = "admin:";

function sourceOf(slug: string): ConnectionSource {
  if (slug.startsWith(BROWSER_SLUG)) return "browser";
  return slug.startsWith("sandbox:") ? "sandbox" : "environment";
}

/** "…abcd" for a secret long enough that its last 4 characters give nothing away, else "…". */
function hint(secret: string): string {
  return secret.length >= 12 ? `…${secret.slice(-4)}` : "…";
}

function unsealed(sealed: string | null): Record<string, string> {
  if (!sealed) return {};
  try {
    return JSON.parse(unseal(sealed, runtimeSecretKey())) as Record<string, string>;
  } catch {
    return {};
  }
}

type Row = Awaited<ReturnType<Db["connection"]["findFirstOrThrow"]>>;

function toAdminConnection(row: Row, chatCount: number): AdminConnection {
  const source = sourceOf(row.slug);
  const info = providerInfo(row.kind);
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    baseUrl: row.baseUrl,
    enabled: row.enabled,
    source,
    variables: source === "environment" ? info.fields.map((field) => field.env) : [],
    credentialHints: Object.fromEntries(
      Object.entries(unsealed(row.credentials)).map(([key, value]) => [key, hint(value)]),
    ),
    settings: (row.settings ?? {}) as Record<string, unknown>,
    health: row.health,
    lastError: row.lastError,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    skippedItems: { count: row.skippedItems, since: row.skippedItemsSince?.toISOString() ?? null },
    chatCount,
  };
}

/** Every connection that was not deleted, enabled or not, with its chat count (one grouped query). */
export async function listAdminConnections(client: DbClient): Promise<AdminConnection[]> {
  const [rows, counts] = await Promise.all([
    client.connection.findMany({ where: { deletedAt: null }, orderBy: { createdAt: "asc" } }),
    client.chat.groupBy({ by: ["connectionId"], _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((count) => [count.connectionId, count._count._all]));
  return rows.map((row) => toAdminConnection(row, countOf.get(row.id) ?? 0));
}

/** Credentials and settings as the kind's descriptor wants them, or a 400 naming the field. */
function validated(kind: ProviderKind, input: Pick<ConnectionInput, "baseUrl" | "credentials" | "settings">) {
  const info = providerInfo(kind);
  const baseUrl = input.baseUrl ?? info.defaultBaseUrl;
  if (!baseUrl) throw new AppError("BAD_REQUEST", "This provider needs a base URL", { field: "baseUrl" });
  const credentials = info.credentialsSchema.safeParse(
    Object.fromEntries(Object.entries(input.credentials).filter(([, value]) => value !== "" && value !== null)),
  );
  if (!credentials.success) {
    const issue = credentials.error.issues[0];
    throw new AppError("BAD_REQUEST", `Credentials: ${issue?.message ?? "not valid"}`, {
      field: `credentials.${String(issue?.path[0] ?? "")}`,
    });
  }
  const settings = info.settingsSchema.safeParse(
    Object.fromEntries(Object.entries(input.settings).filter(([, value]) => value !== "" && value !== null)),
  );
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw new AppError("BAD_REQUEST", `Settings: ${issue?.message ?? "not valid"}`, {
      field: `settings.${String(issue?.path[0] ?? "")}`,
    });
  }
  return {
    baseUrl,
    credentials: Object.fromEntries(Object.entries(credentials.data).map(([key, value]) => [key, String(value)])),
    settings: settings.data as Record<string, unknown>,
  };
}

/** Tests the values as they would be saved; a failure stops the save unless the admin chose to save anyway. */
async function testOrRefuse(
  kind: ProviderKind,
  values: ReturnType<typeof validated>,
  saveUntested: boolean,
): Promise<ConnectionTestResult> {
  const result = await testConnection({ kind, ...values }, providerInfo(kind).displayName);
  if (!result.ok && !saveUntested) {
    throw new AppError("UNSUPPORTED", result.message, { reason: "test_failed", problem: result.problem });
  }
  return result;
}

export async function testUnsavedConnection(input: ConnectionInput): Promise<ConnectionTestResult> {
  const values = validated(input.kind, input);
  return testConnection({ kind: input.kind, ...values }, providerInfo(input.kind).displayName);
}

async function findConnection(client: DbClient, id: string): Promise<Row> {
  const row = await client.connection.findFirst({ where: { id, deletedAt: null } });
  if (!row) throw new AppError("NOT_FOUND", "No such connection");
  return row;
}

export async function testSavedConnection(client: DbClient, id: string): Promise<ConnectionTestResult> {
  const row = await findConnection(client, id);
  return testConnection(
    {
      kind: row.kind,
      baseUrl: row.baseUrl,
      credentials: unsealed(row.credentials),
      settings: (row.settings ?? {}) as Record<string, unknown>,
    },
    providerInfo(row.kind).displayName,
  );
}

async function countChats(client: DbClient, id: string): Promise<number> {
  return client.chat.count({ where: { connectionId: id } });
}

/** Adds a connection (tested first); the sync of every instance picks it up within seconds. */
export async function createConnection(
  prisma: Db,
  admin: StaffSession,
  request: z.output<typeof ZCreateConnectionRequest>,
): Promise<{ connection: AdminConnection; test: ConnectionTestResult }> {
  const values = validated(request.kind, request);
  const test = await testOrRefuse(request.kind, values, request.saveUntested);
  const info = providerInfo(request.kind);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.connection.create({
      data: {
        slug: `${BROWSER_SLUG}${randomUUID()}`,
        kind: request.kind,
        displayName: request.displayName ?? info.displayName,
        baseUrl: values.baseUrl,
        credentials: seal(JSON.stringify(values.credentials), runtimeSecretKey()),
        settings: values.settings as object,
      },
    });
    await recordAudit(tx, {
      userId: admin.userId,
      action: "connection.create",
      details: { connectionId: created.id, kind: created.kind, name: created.displayName, baseUrl: created.baseUrl },
    });
    await emitChanges(tx, [{ type: "connection.changed", connectionId: created.id }]);
    return created;
  });
  // A real connection ends demo mode: the login page stops showing the demo password at once.
  // The demo admin itself is deactivated by the next start, which then prints a one-time link for
  // a first admin if nobody else can sign in (deactivating it now would lock out the admin at work).
  provideRuntime({ demoLogin: null });
  return { connection: toAdminConnection(row, 0), test };
}

function assertEditable(row: Row): void {
  const source = sourceOf(row.slug);
  if (source === "browser") return;
  const where =
    source === "environment"
      ? `the environment (${providerInfo(row.kind)
          .fields.map((field) => field.env)
          .join(", ")}); change it there and restart`
      : "demo mode (the sandbox providers)";
  throw new AppError("CONFLICT", `This connection is configured by ${where}`, { reason: "read_only", source });
}

/**
 * Changes a browser-configured connection. Credentials not sent keep their stored values; a
 * changed URL, credential or setting is tested first and bumps the connection's configuration
 * version, so every instance rebuilds its provider and restarts its sync.
 */
export async function updateConnection(
  prisma: Db,
  admin: StaffSession,
  id: string,
  change: z.output<typeof ZUpdateConnectionRequest>,
): Promise<{ connection: AdminConnection; test: ConnectionTestResult | null }> {
  const row = await findConnection(prisma, id);
  assertEditable(row);
  const reconfigured =
    change.baseUrl !== undefined || change.credentials !== undefined || change.settings !== undefined;
  let values: ReturnType<typeof validated> | null = null;
  let test: ConnectionTestResult | null = null;
  if (reconfigured) {
    const stored = unsealed(row.credentials);
    const given = Object.fromEntries(
      Object.entries(change.credentials ?? {}).filter(([, value]) => value !== "" && value !== null),
    );
    values = validated(row.kind, {
      baseUrl: change.baseUrl ?? row.baseUrl,
      credentials: { ...stored, ...given },
      settings: { ...((row.settings ?? {}) as Record<string, string>), ...(change.settings ?? {}) },
    });
    test = await testOrRefuse(row.kind, values, change.saveUntested);
  }
  const updated = await prisma.$transaction(async (tx) => {
    const saved = await tx.connection.update({
      where: { id },
      data: {
        displayName: change.displayName,
        enabled: change.enabled,
        ...(values
          ? {
              baseUrl: values.baseUrl,
              settings: values.settings as object,
              // Unchanged credentials keep their ciphertext: sealing again would bump the version for nothing.
              credentials:
                JSON.stringify(values.credentials) === JSON.stringify(unsealed(row.credentials))
                  ? row.credentials
                  : seal(JSON.stringify(values.credentials), runtimeSecretKey()),
            }
          : {}),
      },
    });
    await recordAudit(tx, {
      userId: admin.userId,
      action: "connection.update",
      details: {
        connectionId: id,
        name: saved.displayName,
        changed: Object.keys(change).filter(
          (key) => key !== "saveUntested" && change[key as keyof typeof change] !== undefined,
        ),
        ...(change.credentials ? { credentialsChanged: Object.keys(change.credentials) } : {}),
      },
    });
    await emitChanges(tx, [{ type: "connection.changed", connectionId: id }]);
    return saved;
  });
  return { connection: toAdminConnection(updated, await countChats(prisma, id)), test };
}

/** A provider that cannot be reached now must not block the delete; it stops delivering by itself (MAX: after 8 hours of refusals). */
async function dropWebhookOrLog(prisma: Db, id: string): Promise<void> {
  try {
    await dropWebhook(prisma, id);
  } catch (error) {
    log.warn({ err: error, connectionId: id }, "could not unsubscribe the webhook of a deleted connection");
  }
}

/**
 * Deletes a browser-configured connection. By default its chats stay in the database, hidden
 * (the connection is disabled and out of every list); `chats: "delete"` removes them too.
 */
export async function deleteConnection(
  prisma: Db,
  admin: StaffSession,
  id: string,
  chats: "keep" | "delete",
): Promise<{ ok: true }> {
  const row = await findConnection(prisma, id);
  assertEditable(row);
  // A removed row can no longer be unsubscribed by the sync (which does it for kept, disabled ones).
  if (chats === "delete") await dropWebhookOrLog(prisma, id);
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, {
      userId: admin.userId,
      action: "connection.delete",
      details: { connectionId: id, kind: row.kind, name: row.displayName, chats },
    });
    if (chats === "delete") await tx.connection.delete({ where: { id } });
    else await tx.connection.update({ where: { id }, data: { enabled: false, deletedAt: new Date() } });
    await emitChanges(tx, [{ type: "connection.changed", connectionId: id }]);
  });
  return { ok: true };
}
