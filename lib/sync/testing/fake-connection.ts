import { seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { hasRuntimeSecretKey, provideRuntime, runtimeSecretKey } from "@/lib/runtime";
import type { SandboxFake } from "@/sandbox/core/provider";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

/** The secret the tests seal credentials with, unless a test provided another (the app's is resolved at start). */
export const TEST_SECRET_KEY = "sync-tests-secret-key-of-at-least-32-characters";

/** Requests per minute that no test reaches: the fake and the connection never throttle. */
export const UNLIMITED = 100_000;

/**
 * A SmartSender sandbox large and slow enough for a sync to be stopped half-way through its
 * backfill; every chat's messages fit its newest page, so the backfill alone brings everything.
 */
export function backfillSizedSmartSender(token: string, latencyMs: number) {
  return startSmartSenderFake({
    token,
    data: { chats: 200, messagesPerChat: 10, bigChatMessages: 15 },
    faults: { latencyMs },
    rateLimit: { perMinute: UNLIMITED },
  });
}

/** Stores a connection to a running fake, credentials sealed as the app stores them; returns its id. */
export async function connectFake(
  prisma: Db,
  fake: SandboxFake,
  settings: Record<string, unknown> = {},
): Promise<string> {
  if (!hasRuntimeSecretKey()) provideRuntime({ secretKey: TEST_SECRET_KEY });
  const connection = fake.connection();
  const stored = await prisma.connection.create({
    data: {
      slug: `test:${fake.kind}:${fake.port}`,
      kind: fake.kind,
      displayName: fake.kind,
      baseUrl: connection.baseUrl,
      credentials: seal(JSON.stringify(connection.credentials), runtimeSecretKey()),
      settings: { ...connection.settings, ...settings } as Prisma.InputJsonObject,
      isSandbox: true,
    },
  });
  return stored.id;
}

/**
 * Compares the cache with what the provider holds: every message the provider has is cached
 * exactly once, nothing else is, except messages the provider deleted, which the cache keeps
 * (marked deleted) by design. Returns a readable list of differences (empty when equal).
 */
export async function differencesFromFake(prisma: Db, connectionId: string, fake: SandboxFake): Promise<string[]> {
  const rows = await prisma.message.findMany({
    where: { chat: { connectionId } },
    select: { externalId: true, deletedAt: true, chat: { select: { externalId: true } } },
  });
  const cachedChats = await prisma.chat.findMany({ where: { connectionId }, select: { externalId: true } });
  const truth = fake.snapshot();
  const problems: string[] = [];
  const expectedChats = new Set(truth.chats.map((chat) => chat.externalId));
  for (const chat of cachedChats) {
    if (!expectedChats.has(chat.externalId)) problems.push(`extra chat ${chat.externalId}`);
  }
  const cachedChatIds = new Set(cachedChats.map((chat) => chat.externalId));
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.chat.externalId}/${row.externalId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const expected = new Set<string>();
  for (const chat of truth.chats) {
    if (!cachedChatIds.has(chat.externalId)) problems.push(`missing chat ${chat.externalId}`);
    for (const id of chat.messageExternalIds) {
      const key = `${chat.externalId}/${id}`;
      expected.add(key);
      const count = seen.get(key) ?? 0;
      if (count !== 1) problems.push(`${count === 0 ? "missing" : `${count} copies of`} message ${key}`);
    }
  }
  for (const row of rows) {
    const key = `${row.chat.externalId}/${row.externalId}`;
    if (!expected.has(key) && row.deletedAt === null) problems.push(`extra message ${key}`);
  }
  return problems;
}
