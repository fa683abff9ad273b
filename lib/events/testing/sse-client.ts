/** One event as EventSource would dispatch it. */
export type SseMessage = {
  id: string | null;
  /** The `event:` field; null for the default ("message"). */
  event: string | null;
  data: string;
  receivedAt: number;
};

export type SseConnection = {
  status: number;
  headers: Headers;
  messages: SseMessage[];
  /** Comment lines (heartbeats). */
  comments: string[];
  /** The last `retry:` hint. */
  retryMs: number | null;
  /** The id EventSource would send as Last-Event-ID on reconnecting. */
  lastEventId: () => string | null;
  /** Resolves with the first message (already received or to come) that `matches`. */
  waitFor: (matches: (message: SseMessage) => boolean, timeoutMs?: number) => Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
};

/**
 * A minimal Server-Sent Events client over fetch, for tests and the latency benchmark: it
 * parses the stream the way the EventSource standard does (fields, comments, retry, ids).
 */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let lastEventId: string | null = null;
  let retryMs: number | null = null;
  let over = false;

  const dispatch = (block: string) => {
    const data: string[] = [];
    let id: string | null = null;
    let event: string | null = null;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "data") data.push(value);
      else if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "retry" && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (id !== null) lastEventId = id;
    if (data.length > 0) messages.push({ id, event, data: data.join("\n"), receivedAt: Date.now() });
    for (const wake of waiters) wake();
  };

  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Closed by us, or the connection dropped: either way the stream is over.
    } finally {
      over = true;
      for (const wake of waiters) wake();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    messages,
    comments,
    get retryMs() {
      return retryMs;
    },
    lastEventId: () => lastEventId,
    waitFor: (matches, timeoutMs = 5_000) =>
      new Promise<SseMessage>((resolve, reject) => {
        const check = () => {
          const found = messages.find(matches);
          if (found) {
            finish();
            resolve(found);
          } else if (over) {
            finish();
            reject(new Error("The stream ended before the awaited event"));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No matching event within ${timeoutMs} ms`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    ended,
    close: () => controller.abort(),
  };
}
