import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { changeEventSchema, presenceNoticeSchema } from "@/lib/events/types";
import { apiGet } from "@/lib/queries/api";
import { chatKeys, connectionKeys, countKeys, presenceKeys } from "@/lib/queries/keys";
import { applyPresenceNotice } from "@/lib/queries/presence";
import { refreshChatLists, refreshThread } from "@/lib/queries/refresh";

/** Changes heard but not yet applied; events that arrive together are applied together. */
type PendingChanges = {
  chats: Set<number>;
  messages: Map<number, Set<number>>;
  counts: boolean;
  connections: boolean;
};

const nothingPending = (): PendingChanges => ({
  chats: new Set(),
  messages: new Map(),
  counts: false,
  connections: false,
});

/** Short enough to feel instant, long enough to fold a burst of events into one refresh. */
const BATCH_DELAY_MS = 100;
/** Between two refreshes, so a busy inbox costs a few requests a second, not one per event. */
const MIN_GAP_MS = 400;
const MAX_RECONNECT_DELAY_MS = 30_000;

async function apply(queryClient: QueryClient, changes: PendingChanges): Promise<void> {
  const chatIds = [...changes.chats];
  await Promise.all([
    chatIds.length > 0 ? refreshChatLists(queryClient, chatIds) : null,
    ...chatIds.flatMap((chatId) => [
      queryClient.invalidateQueries({ queryKey: chatKeys.detail(chatId), exact: true }),
      queryClient.invalidateQueries({ queryKey: chatKeys.participants(chatId), exact: true }),
    ]),
    ...[...changes.messages].map(([chatId, ids]) => refreshThread(queryClient, chatId, [...ids])),
    changes.counts ? queryClient.invalidateQueries({ queryKey: countKeys.all }) : null,
    changes.connections ? queryClient.invalidateQueries({ queryKey: connectionKeys.all }) : null,
  ]);
}

/**
 * An event's JSON, or "resync" when the server says the client missed some (its history or the
 * presence notices): the caller then reads afresh. Unreadable data is undefined, and ignored.
 */
function readEvent(event: MessageEvent<string>): unknown {
  try {
    const data: unknown = JSON.parse(event.data);
    return typeof data === "object" && data !== null && "type" in data && data.type === "resync" ? "resync" : data;
  } catch {
    return undefined;
  }
}

/** After a gap in the stream (reconnect, or the server's `resync`), everything shown is fetched again. */
function refetchEverything(queryClient: QueryClient) {
  for (const queryKey of [chatKeys.all, countKeys.all, connectionKeys.all, presenceKeys.all]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/**
 * Keeps the cache current from the server's change events (/api/events, Server-Sent Events):
 * each event refreshes exactly the lists, chat, thread, counts or connections it names.
 * EventSource reconnects by itself and resumes with Last-Event-ID; if the server ends the
 * stream for good, this reconnects with backoff from the last event id seen.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let pending = nothingPending();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let applying = false;
    let lastAppliedAt = 0;
    let source: EventSource | null = null;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let reconnectDelay = 1000;
    let lastEventId = "";
    let hadError = false;
    let stopped = false;

    const scheduleFlush = () => {
      if (flushTimer !== undefined || applying) return;
      const wait = Math.max(BATCH_DELAY_MS, lastAppliedAt + MIN_GAP_MS - Date.now());
      flushTimer = setTimeout(flush, wait);
    };

    async function flush() {
      flushTimer = undefined;
      const changes = pending;
      pending = nothingPending();
      applying = true;
      try {
        await apply(queryClient, changes);
      } finally {
        applying = false;
        lastAppliedAt = Date.now();
        const { chats, messages, counts, connections } = pending;
        if (!stopped && (chats.size > 0 || messages.size > 0 || counts || connections)) scheduleFlush();
      }
    }

    const onMessage = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
      const data = readEvent(event);
      if (data === "resync") {
        refetchEverything(queryClient);
        return;
      }
      const parsed = changeEventSchema.safeParse(data);
      if (!parsed.success) return;
      const change = parsed.data;
      if (change.type === "chat.changed") pending.chats.add(change.chatId);
      if (change.type === "messages.changed") {
        const ids = pending.messages.get(change.chatId) ?? new Set<number>();
        for (const id of change.messageIds) ids.add(id);
        pending.messages.set(change.chatId, ids);
      }
      if (change.type === "counts.changed") pending.counts = true;
      if (change.type === "connection.changed") pending.connections = true;
      scheduleFlush();
    };

    /** Presence is not history: applied as it comes, never batched or replayed. */
    const onPresence = (event: MessageEvent<string>) => {
      const data = readEvent(event);
      if (data === "resync") {
        applyPresenceNotice(queryClient, "resync");
        return;
      }
      const notice = presenceNoticeSchema.safeParse(data);
      if (notice.success) applyPresenceNotice(queryClient, notice.data);
    };

    const connect = () => {
      const query = lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : "";
      const stream = new EventSource(`/api/events${query}`);
      source = stream;
      stream.onmessage = onMessage;
      stream.addEventListener("presence", onPresence);
      stream.onopen = () => {
        reconnectDelay = 1000;
        if (hadError) refetchEverything(queryClient);
        hadError = false;
      };
      stream.onerror = () => {
        // The stream also ends when the session does (signed out elsewhere, deactivated): asking
        // who we are sends an ended session to the sign-in page (lib/queries/api.ts).
        if (!hadError) void apiGet("/api/me").catch(() => {});
        hadError = true;
        if (stream.readyState !== EventSource.CLOSED || stopped) return;
        // The browser gave up (an error status, e.g. while the server restarts): try again later.
        reconnectTimer = setTimeout(connect, reconnectDelay);
        reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
      };
    };

    connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(flushTimer);
      clearTimeout(reconnectTimer);
    };
  }, [queryClient]);
}
