import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyConnections, type DesiredConnection } from "@/lib/connections/configure";
import { providerForConnection } from "@/lib/providers/for-connection";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const SECRET = "config-version-test-secret-0123456789abcdef";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  provideRuntime({ secretKey: SECRET });
});
afterAll(async () => {
  await database.drop();
});

const max = (overrides: Partial<DesiredConnection> = {}): DesiredConnection => ({
  slug: "env:max",
  kind: "max",
  displayName: "MAX",
  baseUrl: "http://127.0.0.1:9",
  credentials: { token: "first-token" },
  settings: {},
  isSandbox: false,
  ...overrides,
});

async function stored() {
  return database.prisma.connection.findUniqueOrThrow({ where: { slug: "env:max" } });
}

describe("a connection's configuration version", () => {
  it("keeps one provider object through unrelated updates and restarts, and builds a new one when the configuration changes", async () => {
    const { prisma } = database;
    await applyConnections(prisma, [max()], SECRET);
    const { id, configVersion } = await stored();
    const provider = await providerForConnection(prisma, id);

    // The sync reports health and progress on the row all the time.
    await prisma.connection.update({ where: { id }, data: { health: "degraded", lastSyncAt: new Date() } });
    // Another start with the same configuration (the credentials are sealed again in memory).
    await applyConnections(prisma, [max({ displayName: "MAX bot" })], SECRET);
    expect((await stored()).configVersion).toBe(configVersion);
    expect(await providerForConnection(prisma, id)).toBe(provider);

    await applyConnections(prisma, [max({ credentials: { token: "second-token" } })], SECRET);
    expect((await stored()).configVersion).toBe(configVersion + 1);
    const rebuilt = await providerForConnection(prisma, id);
    expect(rebuilt).not.toBe(provider);

    // Any writer, not only start-up: the database bumps the version.
    await prisma.connection.update({ where: { id }, data: { settings: { pageSize: 50 } } });
    expect((await stored()).configVersion).toBe(configVersion + 2);
    expect(await providerForConnection(prisma, id)).not.toBe(rebuilt);
  });

  it("seals the credentials again when the secret key changed, and counts that as a new configuration", async () => {
    const { prisma } = database;
    const before = await stored();
    const otherSecret = "another-secret-key-0123456789abcdef-0123";
    await applyConnections(
      prisma,
      [max({ credentials: { token: "second-token" }, settings: { pageSize: 50 } })],
      otherSecret,
    );
    const after = await stored();
    expect(after.credentials).not.toBe(before.credentials);
    expect(after.configVersion).toBe(before.configVersion + 1);
  });
});
