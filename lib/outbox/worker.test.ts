import { describe, expect, it, vi } from "vitest";
import { markChatRead } from "@/lib/chats/mark-read";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { retryMessage } from "@/lib/messages/retry-message";
import {
  SMARTSENDER_SEND_PATH as SEND_PATH,
  SETTLING,
  smartSenderOutboxPerTest,
  writableChats,
} from "@/lib/outbox/testing/fixture";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";
import { startSyncManager } from "@/lib/sync/manager";
import { NO_FAULTS } from "@/sandbox/core/faults";

const outbox = smartSenderOutboxPerTest(12);

function writableChat() {
  const [chat] = writableChats(outbox.current);
  if (!chat) throw new Error("The sandbox has no chat with a subscribed contact");
  return chat;
}

/** Sent, or further: SmartSender answers with `deliveredAt`, which the message then shows. */
const wentOut = (state: string | null) => state === "sent" || state === "delivered" || state === "read";

const messageRow = (id: number) => outbox.current.prisma.message.findUniqueOrThrow({ where: { id } });
const actionOf = (where: { messageId?: number; chatId?: number }) =>
  outbox.current.prisma.outboxAction.findFirstOrThrow({ where, orderBy: { id: "desc" } });

describe("outbox delivery", () => {
  it("sends a message as soon as it is queued (woken by the notification) and keeps the provider's id", async () => {
    // The safety-net poll is a minute away: only the notification can deliver within the wait below.
    outbox.current.startWorker({ pollMs: 60_000 });
    const chat = writableChat();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker is idle, LISTENing
    const messageId = await outbox.current.send(chat.id, "Your refund is on its way.");
    expect((await messageRow(messageId)).deliveryState).toBe("pending");

    const sent = await vi.waitFor(async () => {
      const row = await messageRow(messageId);
      expect(wentOut(row.deliveryState), "sent").toBe(true);
      return row;
    }, SETTLING);
    const [call] = outbox.current.answered("POST", SEND_PATH);
    expect(outbox.current.answered("POST", SEND_PATH)).toHaveLength(1);
    expect(call?.body).toEqual({ type: "text", content: "Your refund is on its way." });
    // The provider's copy carries the same id as our row: the sync will find one message, not two.
    const provider = await providerForConnection(outbox.current.prisma, outbox.current.connectionId);
    const newest = await requireCapability(provider, "listMessages")(chat.externalId, null);
    const copy = newest.items.find((message) => message.text === "Your refund is on its way.");
    expect(sent.externalId).toBe(copy?.externalId);
    expect((await actionOf({ messageId })).status).toBe("done");
  });

  it("marks read while the provider answers 503: 0 unread at once and throughout, delivered once after recovery", async () => {
    const chat = outbox.current.chats.find((candidate) => (candidate.providerUnreadCount ?? 0) > 0);
    if (!chat) throw new Error("The sandbox has no unread chat");
    const unreadOf = async () =>
      (await outbox.current.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).unreadCount;
    const totalBefore = (await unreadCounts(outbox.current.prisma)).total;
    expect(await unreadOf()).toBe(chat.providerUnreadCount);

    outbox.current.fake.setFaults({ forceStatus: 503 });
    const worker = outbox.current.startWorker();
    await markChatRead(outbox.current.prisma, { chatId: chat.id, userId: outbox.current.userId });
    expect(await unreadOf()).toBe(0);
    expect((await unreadCounts(outbox.current.prisma)).total).toBe(totalBefore - (chat.providerUnreadCount ?? 0));

    // The worker keeps trying; sync cycles fail at the provider too; the badge stays at 0.
    const readPath = new RegExp(`^/v1/chats/${chat.externalId}/read$`);
    await vi.waitFor(
      () =>
        expect(outbox.current.fake.calls.filter((call) => readPath.test(call.path)).length).toBeGreaterThanOrEqual(3),
      SETTLING,
    );
    await expect(outbox.current.syncChats()).rejects.toMatchObject({ kind: "server" });
    expect(await unreadOf()).toBe(0);
    const waiting = await actionOf({ chatId: chat.id });
    // Still queued: between attempts, or in the middle of the next one.
    expect(["pending", "in_flight"]).toContain(waiting.status);
    expect(waiting.lastError).toContain("503");

    // The provider recovers; the sync happens to list chats before the outbox delivers.
    await worker.stop();
    outbox.current.fake.setFaults(NO_FAULTS);
    await outbox.current.syncChats();
    expect(await unreadOf()).toBe(0);

    outbox.current.startWorker();
    await vi.waitFor(async () => expect((await actionOf({ chatId: chat.id })).status).toBe("done"), SETTLING);
    expect(outbox.current.answered("PUT", readPath)).toHaveLength(1);
    await outbox.current.syncChats();
    expect(await unreadOf()).toBe(0);
    const provider = await providerForConnection(outbox.current.prisma, outbox.current.connectionId);
    expect((await requireCapability(provider, "getChat")(chat.externalId)).providerUnreadCount).toBe(0);
    expect((await unreadCounts(outbox.current.prisma)).total).toBe(totalBefore - (chat.providerUnreadCount ?? 0));
  });

  it("with the real sync engine polling throughout, the read chat never shows unread again", async () => {
    const chat = outbox.current.chats.find((candidate) => (candidate.providerUnreadCount ?? 0) > 0);
    if (!chat) throw new Error("The sandbox has no unread chat");
    const connection = () =>
      outbox.current.prisma.connection.findUniqueOrThrow({ where: { id: outbox.current.connectionId } });
    const sync = startSyncManager({
      prisma: outbox.current.otherInstance(),
      databaseUrl: outbox.current.database.url,
      instanceId: "sync-instance",
      pollIntervalMs: 200,
      tuning: {
        claimIntervalMs: 200,
        retryAttempts: 2,
        retryInitialDelayMs: 50,
        retryMaxDelayMs: 100,
        breakerHalfOpenAfterMs: 300,
        breakerMaxHalfOpenAfterMs: 600,
        failurePauseMs: 100,
        failureMaxPauseMs: 300,
      },
    });
    try {
      await vi.waitFor(async () => expect((await connection()).lastSyncAt).not.toBeNull(), {
        ...SETTLING,
        timeout: 20_000,
      });
      outbox.current.fake.setFaults({ forceStatus: 503 });
      outbox.current.startWorker();
      await markChatRead(outbox.current.prisma, { chatId: chat.id, userId: outbox.current.userId });

      // Watch the badge for the whole outage and recovery.
      const seen: number[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          seen.push((await outbox.current.prisma.chat.findUniqueOrThrow({ where: { id: chat.id } })).unreadCount);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await vi.waitFor(async () => expect((await connection()).health).not.toBe("ok"), SETTLING);
      const failedSince = (await connection()).lastErrorAt;
      outbox.current.fake.setFaults(NO_FAULTS);
      const readPath = new RegExp(`^/v1/chats/${chat.externalId}/read$`);
      await vi.waitFor(async () => expect((await actionOf({ chatId: chat.id })).status).toBe("done"), {
        ...SETTLING,
        timeout: 20_000,
      });
      const deliveredAt = (await actionOf({ chatId: chat.id })).completedAt ?? new Date();
      // Two sync cycles after the delivery.
      await vi.waitFor(
        async () =>
          expect((await connection()).lastSyncAt?.getTime() ?? 0).toBeGreaterThan(deliveredAt.getTime() + 400),
        { ...SETTLING, timeout: 20_000 },
      );
      watching = false;
      await watcher;

      expect(failedSince).not.toBeNull();
      expect(seen.length).toBeGreaterThan(5);
      expect(Math.max(...seen)).toBe(0);
      expect(outbox.current.answered("PUT", readPath)).toHaveLength(1);
    } finally {
      await sync.stop();
    }
  });

  it("delivers a chat's sends in the order they were written, after an outage", async () => {
    const chat = writableChat();
    outbox.current.fake.setFaults({ forceStatus: 502 });
    outbox.current.startWorker({ concurrency: 4 });
    const texts = ["First", "Second", "Third"];
    const ids: number[] = [];
    for (const text of texts) ids.push(await outbox.current.send(chat.id, text));
    await vi.waitFor(() => expect(outbox.current.fake.calls.length).toBeGreaterThanOrEqual(4), SETTLING);
    outbox.current.fake.setFaults(NO_FAULTS);
    await vi.waitFor(async () => {
      const rows = await outbox.current.prisma.message.findMany({ where: { id: { in: ids } } });
      expect(
        rows.every((row) => wentOut(row.deliveryState)),
        "all three sent",
      ).toBe(true);
    }, SETTLING);
    const contents = outbox.current
      .answered("POST", SEND_PATH)
      .map((call) => (call.body as { content: string }).content);
    expect(contents).toEqual(texts);
    const externalIds = await Promise.all(ids.map(async (id) => Number((await messageRow(id)).externalId)));
    expect(externalIds).toEqual([...externalIds].sort((a, b) => a - b));
  });

  it("fails a refused send with the provider's error, and Retry sends it once", async () => {
    const chat = writableChat();
    outbox.current.fake.setFaults({ forceStatus: 403 });
    outbox.current.startWorker();
    const messageId = await outbox.current.send(chat.id, "Can you confirm your address?");
    const failed = await vi.waitFor(async () => {
      const row = await messageRow(messageId);
      expect(row.deliveryState).toBe("failed");
      return row;
    }, SETTLING);
    expect(failed.deliveryError).toBe("SmartSender answered 403: Forced by the sandbox");
    const action = await actionOf({ messageId });
    expect(action).toMatchObject({ status: "failed", attempts: 1, lastError: failed.deliveryError });
    // A refusal is final: no retry loop against the provider.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(outbox.current.fake.calls.filter((call) => SEND_PATH.test(call.path))).toHaveLength(1);

    outbox.current.fake.setFaults(NO_FAULTS);
    await retryMessage(outbox.current.prisma, { messageId, userId: outbox.current.userId });
    const sent = await vi.waitFor(async () => {
      const row = await messageRow(messageId);
      expect(wentOut(row.deliveryState), "the retried send went out").toBe(true);
      return row;
    }, SETTLING);
    expect(sent.deliveryError).toBeNull();
    expect(sent.externalId).toMatch(/^\d+$/);
    expect(outbox.current.answered("POST", SEND_PATH)).toHaveLength(1);
  });

  it("emits the change events the browsers refetch by", async () => {
    const chat = writableChat();
    outbox.current.startWorker();
    const messageId = await outbox.current.send(chat.id, "Hello from the inbox");
    const [latest] = await outbox.current.prisma.changeEvent.findMany({ orderBy: { id: "desc" }, take: 1 });
    await vi.waitFor(
      async () => expect(wentOut((await messageRow(messageId)).deliveryState), "sent").toBe(true),
      SETTLING,
    );
    const after = await outbox.current.prisma.changeEvent.findMany({ where: { id: { gt: latest?.id ?? 0n } } });
    expect(after.map((event) => [event.type, event.payload])).toEqual(
      expect.arrayContaining([
        ["messages.changed", { chatId: chat.id, messageIds: [messageId] }],
        ["chat.changed", { chatId: chat.id, connectionId: outbox.current.connectionId }],
      ]),
    );
  });
});
