import { randomUUID } from "node:crypto";
import { openSse, type SseConnection } from "@/lib/events/testing/sse-client";
import { percentile } from "./stats";

export type PresenceFigures = {
  clients: number;
  connected: number;
  signals: number;
  deliveriesExpected: number;
  deliveriesReceived: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
};

/** How long after the last signal a client may still hear it before it counts as missed. */
const DRAIN_MS = 3_000;

/**
 * Presence latency: `clients` agents' browsers on /api/events, while one agent opens a chat
 * (`POST /api/chats/{id}/presence`, "viewing", from a new tab each time) `signals` times; each
 * delivery is timed from just before the POST to the moment a client hears that tab's notice.
 * The tabs say "left" afterwards, so the presence table ends as it began.
 */
export async function measurePresenceLatency(options: {
  url: string;
  cookie: string;
  chatId: number;
  clients: number;
  signals: number;
  perSecond: number;
}): Promise<PresenceFigures> {
  const clients: SseConnection[] = [];
  let errors = 0;
  const post = (tab: string, state: "viewing" | "left") =>
    fetch(`${options.url}/api/chats/${options.chatId}/presence`, {
      method: "POST",
      headers: { cookie: options.cookie, origin: options.url, "content-type": "application/json" },
      body: JSON.stringify({ tab, state }),
    });
  try {
    const opened = await Promise.allSettled(
      Array.from({ length: options.clients }, () => openSse(`${options.url}/api/events`, { cookie: options.cookie })),
    );
    for (const result of opened) {
      if (result.status === "fulfilled" && result.value.status === 200) clients.push(result.value);
      else errors += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sentAt = new Map<string, number>();
    for (let index = 0; index < options.signals; index += 1) {
      const tab = randomUUID();
      sentAt.set(tab, Date.now());
      const response = await post(tab, "viewing");
      if (!response.ok) errors += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000 / options.perSecond));
    }
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
    const latencies: number[] = [];
    for (const client of clients) {
      const heard = new Map<string, number>();
      for (const message of client.messages) {
        if (message.event !== "presence") continue;
        const notice = JSON.parse(message.data) as { tab?: string; state?: string };
        if (notice.state === "viewing" && notice.tab && !heard.has(notice.tab))
          heard.set(notice.tab, message.receivedAt);
      }
      for (const [tab, at] of sentAt) {
        const receivedAt = heard.get(tab);
        if (receivedAt !== undefined) latencies.push(receivedAt - at);
      }
    }
    await Promise.all([...sentAt.keys()].map((tab) => post(tab, "left").catch(() => null)));
    const sorted = latencies.sort((a, b) => a - b);
    return {
      clients: options.clients,
      connected: clients.length,
      signals: sentAt.size,
      deliveriesExpected: sentAt.size * clients.length,
      deliveriesReceived: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? Number.NaN,
      errors,
    };
  } finally {
    for (const client of clients) client.close();
  }
}
