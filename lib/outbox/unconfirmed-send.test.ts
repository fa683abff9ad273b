import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type OutboxFixture,
  outboxFixture,
  SETTLING,
  SMARTSENDER_SEND_PATH,
  smartSenderOutbox,
  writableChats,
} from "@/lib/outbox/testing/fixture";
import { UNCONFIRMED_SEND_ERROR } from "@/lib/outbox/worker";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";
import { startChatOpsFake } from "@/sandbox/chatops/index";
import { NO_FAULTS } from "@/sandbox/core/faults";

/**
 * The sandboxes' "timeout" fault holds a request and then answers 504 without carrying it out,
 * so a request that is carried out after the client gave up is made with latency instead: the
 * fake waits `latencyMs`, then applies the request, while the client stopped waiting at
 * `timeoutMs`.
 */
const CLIENT_TIMEOUT_MS = 400;
const PROVIDER_LATENCY_MS = 700;

let fixture: OutboxFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const messageRow = (prisma: OutboxFixture["prisma"], id: number) => prisma.message.findUniqueOrThrow({ where: { id } });

describe("a send whose answer was lost", () => {
  it("is found at the provider and adopted, never sent a second time", async () => {
    const current = await smartSenderOutbox(8, { timeoutMs: CLIENT_TIMEOUT_MS });
    const fake = current.fake;
    fixture = current;
    const [chat] = writableChats(current);
    if (!chat) throw new Error("no writable chat");
    const text = "We have re-sent your invoice.";

    fake.setFaults({ latencyMs: PROVIDER_LATENCY_MS });
    // The check before the next attempt waits until the provider has surely stored the message.
    current.startWorker({ backoff: { baseMs: 50, maxMs: 200, doubtMs: 1_200 } });
    const messageId = await current.send(chat.id, text);
    const doubted = await vi.waitFor(async () => {
      const action = await current.prisma.outboxAction.findFirstOrThrow({ where: { messageId } });
      expect(action.unconfirmedSince, "the first attempt timed out").not.toBeNull();
      return action;
    }, SETTLING);
    expect(doubted.lastError).toContain(`did not answer within ${CLIENT_TIMEOUT_MS} ms`);
    fake.setFaults(NO_FAULTS);

    const sent = await vi.waitFor(async () => {
      const row = await messageRow(current.prisma, messageId);
      expect(row.deliveryState).not.toBe("pending");
      return row;
    }, SETTLING);
    // The provider got exactly one send, and our row carries its id: one click, one message.
    expect(current.answered("POST", SMARTSENDER_SEND_PATH)).toHaveLength(1);
    const provider = await providerForConnection(current.prisma, current.connectionId);
    const newest = await requireCapability(provider, "listMessages")(chat.externalId, null);
    const copies = newest.items.filter((message) => message.text === text);
    expect(copies).toHaveLength(1);
    expect(sent.externalId).toBe(copies[0]?.externalId);
    expect(sent.deliveryError).toBeNull();
    expect(await current.prisma.message.count({ where: { chatId: chat.id, text } })).toBe(1);
    expect(await current.prisma.outboxAction.findFirstOrThrow({ where: { messageId } })).toMatchObject({
      status: "done",
      attempts: 2,
      unconfirmedSince: null,
    });
  });

  it("fails with an explanation where the provider cannot be asked, instead of risking a double send", async () => {
    const fake = await startChatOpsFake({ data: { chats: 4 } });
    const current = await outboxFixture("chatops", fake, { timeoutMs: CLIENT_TIMEOUT_MS });
    fixture = current;
    const [chat] = current.chats;
    if (!chat) throw new Error("no chat");
    fake.setFaults({ latencyMs: PROVIDER_LATENCY_MS });
    current.startWorker();
    const messageId = await current.send(chat.id, "Please check the pinned instructions.");
    const failed = await vi.waitFor(async () => {
      const row = await messageRow(current.prisma, messageId);
      expect(row.deliveryState).toBe("failed");
      return row;
    }, SETTLING);
    expect(failed.deliveryError).toBe(UNCONFIRMED_SEND_ERROR);
    await new Promise((resolve) => setTimeout(resolve, PROVIDER_LATENCY_MS));
    expect(current.answered("POST", /\/messages$/)).toHaveLength(1);
  });
});
