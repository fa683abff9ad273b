import { randomUUID } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db";
import { ingestChats } from "@/lib/ingest/ingest";
import { sendMessage } from "@/lib/messages/send-message";
import { type OutboxWorkerOptions, startOutboxWorker } from "@/lib/outbox/worker";
import { providerForConnection } from "@/lib/providers/for-connection";
import { allChats } from "@/lib/providers/testing/contract";
import type { NormalizedChat, ProviderKind } from "@/lib/providers/types";
import { provideRuntime } from "@/lib/runtime";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import type { SandboxFake } from "@/sandbox/core/provider";
import type { RecordedCall } from "@/sandbox/core/server";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";

const SECRET = "outbox-tests-secret-key-0123456789abcdef";

/** SmartSender's send endpoint, as its fake records the calls. */
export const SMARTSENDER_SEND_PATH = /^\/v1\/contacts\/\d+\/send$/;

const UNLIMITED = 100_000;

/** How long `vi.waitFor` gives a delivery to settle, and how often it looks. */
export const SETTLING = { timeout: 10_000, interval: 25 };

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type OutboxFixture = {
  database: TestDatabase;
  prisma: Db;
  fake: SandboxFake;
  connectionId: string;
  userId: string;
  /** The provider's chats, as the sync stored them: local id by external id. */
  chats: Array<NormalizedChat & { id: number }>;
  /** One sync cycle as the sync engine runs it: every chat page, ingested. */
  syncChats: () => Promise<void>;
  startWorker: (options?: Partial<OutboxWorkerOptions>) => { stop: () => Promise<void> };
  /** A second "instance": its own connection pool. */
  otherInstance: () => Db;
  send: (chatId: number, text: string) => Promise<number>;
  /** The provider calls the fake carried out (answered with success, not an injected fault). */
  answered: (method: string, path: RegExp) => RecordedCall[];
  close: () => Promise<void>;
};

/**
 * A fresh database with a connection to a running sandbox fake and its chats stored as the
 * sync stores them, a staff member, and workers that are stopped on close.
 */
export async function outboxFixture(
  kind: ProviderKind,
  fake: SandboxFake,
  settings: Record<string, unknown> = {},
): Promise<OutboxFixture> {
  provideRuntime({ secretKey: SECRET });
  const database = await createTestDatabase();
  const prisma = database.prisma;
  const stoppers: Array<() => Promise<void>> = [];
  const user = await prisma.user.create({
    data: { id: randomUUID(), name: "Agent Smith", email: `agent-${randomUUID()}@example.com` },
  });
  const connection = fake.connection();
  const { id: connectionId } = await prisma.connection.create({
    data: {
      slug: `sandbox:${kind}`,
      kind,
      displayName: `${kind} (sandbox)`,
      baseUrl: connection.baseUrl,
      credentials: seal(JSON.stringify(connection.credentials), SECRET),
      settings: { ...connection.settings, ...settings } as object,
      isSandbox: true,
    },
  });
  const listChats = async () => allChats(await providerForConnection(prisma, connectionId));
  const syncChats = async () => {
    const observedAt = new Date();
    await ingestChats(prisma, connectionId, await listChats(), { observedAt });
  };
  const listed = await listChats();
  const ids = await ingestChats(prisma, connectionId, listed);
  const chats = listed.flatMap((chat) => {
    const id = ids.get(chat.externalId);
    return id === undefined ? [] : [{ ...chat, id }];
  });

  return {
    database,
    prisma,
    fake,
    connectionId,
    userId: user.id,
    chats,
    syncChats,
    startWorker: (options = {}) => {
      const worker = startOutboxWorker({
        prisma,
        instanceId: `test-${randomUUID().slice(0, 8)}`,
        databaseUrl: database.url,
        pollMs: 200,
        backoff: { baseMs: 50, maxMs: 200, doubtMs: 0 },
        ...options,
      });
      let stopped = false;
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        await worker.stop();
      };
      stoppers.push(stop);
      return { stop };
    },
    otherInstance: () => {
      const other = createPrismaClient(database.url, 5);
      stoppers.push(() => other.$disconnect());
      return other;
    },
    send: async (chatId, text) => {
      const { messageId } = await sendMessage(prisma, {
        chatId,
        user: { id: user.id, name: user.name },
        request: { text, clientId: randomUUID() },
      });
      return messageId;
    },
    answered: (method, path) =>
      fake.calls.filter(
        (call) =>
          call.method === method && path.test(call.path) && call.fault === null && call.status > 0 && call.status < 400,
      ),
    close: async () => {
      for (const stop of stoppers.reverse()) await stop();
      await fake.close();
      await database.drop();
    },
  };
}

/** A SmartSender sandbox with `chats` chats and no rate limit, wired up as `outboxFixture` does. */
export async function smartSenderOutbox(chats: number, settings: Record<string, unknown> = {}): Promise<OutboxFixture> {
  const fake = await startSmartSenderFake({ rateLimit: { perMinute: UNLIMITED }, data: { chats } });
  return outboxFixture("smartsender", fake, { requestsPerMinute: UNLIMITED, timeoutMs: 2_000, ...settings });
}

/** The SmartSender chats whose contact can be written to (a subscribed gate). */
export function writableChats(fixture: OutboxFixture): OutboxFixture["chats"] {
  return fixture.chats.filter((chat) =>
    ((chat.raw as { gates?: Array<{ subscribed?: boolean }> }).gates ?? []).some((gate) => gate.subscribed),
  );
}

/** A fresh `smartSenderOutbox(chats)` for each test of the file, closed after it. */
export function smartSenderOutboxPerTest(chats: number): { readonly current: OutboxFixture } {
  let current: OutboxFixture | undefined;
  beforeEach(async () => {
    current = await smartSenderOutbox(chats);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get current() {
      if (!current) throw new Error("The outbox fixture exists only while a test runs");
      return current;
    },
  };
}
