import type { Db } from "@/lib/db";
import { ingestChats, ingestParticipants } from "@/lib/ingest/ingest";
import { componentLogger } from "@/lib/logger";
import { processSingleton } from "@/lib/process-singleton";
import { providerForConnection } from "@/lib/providers/for-connection";
import { chatMarker, syncNewestPages } from "@/lib/sync/newest-pages";
import { createProviderCalls, UNWATCHED } from "@/lib/sync/resilience";
import { recordSkippedItems, skippedItemOf } from "@/lib/sync/skipped-items";
import { AGENT_WAITING_TUNING } from "@/lib/sync/tuning";

const log = componentLogger("chat-refresh");

/** An agent opening a chat again within this time gets what the last refresh fetched. */
const MIN_INTERVAL_MS = 5_000;
const TIMEOUT_MS = 30_000;

type Refresh = { startedAt: number; running: Promise<void> | null };

/** Per process: a page and an API request opening the same chat share one refresh. */
const refreshes = processSingleton("chat-refreshes", () => new Map<number, Refresh>());

function forgetOld(now: number) {
  if (refreshes.size < 1_000) return;
  for (const [chatId, refresh] of refreshes) {
    if (!refresh.running && now - refresh.startedAt >= MIN_INTERVAL_MS) refreshes.delete(chatId);
  }
}

async function refresh(prisma: Db, chatId: number): Promise<void> {
  const chat = await prisma.chat.findUnique({
    where: { id: chatId },
    select: { externalId: true, connectionId: true, connection: { select: { health: true, enabled: true } } },
  });
  // A provider that is down gets no extra calls; the cache is what there is until it is back.
  if (!chat?.connection.enabled || chat.connection.health === "down") return;
  const provider = await providerForConnection(prisma, chat.connectionId);
  const { getChat, listParticipants } = provider.capabilities;
  const calls = createProviderCalls(AGENT_WAITING_TUNING, UNWATCHED);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    let marker: string | null = null;
    if (getChat) {
      const observedAt = new Date();
      try {
        const fresh = await calls.call((attempt) => getChat(chat.externalId, attempt), signal);
        await ingestChats(prisma, chat.connectionId, [fresh], { observedAt });
        marker = chatMarker(fresh);
      } catch (error) {
        const skipped = skippedItemOf(error);
        if (!skipped) throw error;
        // The chat as the provider now sends it cannot be read: keep the cached one, still fetch its messages.
        await recordSkippedItems(prisma, log, chat.connectionId, [skipped]);
      }
    }
    await syncNewestPages(
      {
        prisma,
        connectionId: chat.connectionId,
        provider,
        calls,
        tuning: AGENT_WAITING_TUNING,
        signal,
        log,
        instanceId: `refresh:${process.pid}`,
      },
      [{ id: chatId, externalId: chat.externalId, marker }],
      true,
    );
    if (listParticipants) {
      const participants = await calls.call((attempt) => listParticipants(chat.externalId, attempt), signal);
      await recordSkippedItems(prisma, log, chat.connectionId, participants.skipped);
      await ingestParticipants(prisma, chatId, participants.items);
    }
  } finally {
    calls.dispose();
  }
}

/**
 * Refreshes a chat an agent opened: the chat itself, its newest messages and its members.
 * Called without waiting; at most one refresh per chat runs at a time, and not more than once
 * every few seconds. Never throws: a failure only means the cache stays as it was.
 */
export async function requestChatRefresh(prisma: Db, chatId: number): Promise<void> {
  const now = Date.now();
  const last = refreshes.get(chatId);
  if (last?.running) return last.running;
  if (last && now - last.startedAt < MIN_INTERVAL_MS) return;
  forgetOld(now);
  const entry: Refresh = { startedAt: now, running: null };
  entry.running = refresh(prisma, chatId)
    .catch((error: unknown) => log.warn({ err: error, chatId }, "chat refresh failed"))
    .finally(() => {
      entry.running = null;
    });
  refreshes.set(chatId, entry);
  return entry.running;
}
