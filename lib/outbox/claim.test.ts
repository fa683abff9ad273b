import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { markChatRead } from "@/lib/chats/mark-read";
import { claimDueActions } from "@/lib/outbox/claim";
import { settleDelivered } from "@/lib/outbox/settle";
import { type OutboxFixture, outboxFixture, pause, SETTLING } from "@/lib/outbox/testing/fixture";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";
import { startSmartSenderFake } from "@/lib/providers/smartsender/fake";

let fixture: OutboxFixture;

beforeEach(async () => {
  const fake = await startSmartSenderFake({ rateLimit: { perMinute: 100_000 }, data: { chats: 16 } });
  fixture = await outboxFixture("smartsender", fake, { requestsPerMinute: 100_000, timeoutMs: 2_000 });
});
afterEach(async () => {
  await fixture.close();
});

const SEND_PATH = /^\/v1\/contacts\/\d+\/send$/;

function writableChats() {
  return fixture.chats.filter((chat) => {
    const gates = (chat.raw as { gates?: Array<{ subscribed?: boolean }> }).gates ?? [];
    return gates.some((gate) => gate.subscribed);
  });
}

const unfinished = () => fixture.prisma.outboxAction.count({ where: { status: { in: ["pending", "in_flight"] } } });

describe("claiming outbox actions", () => {
  it("two instances working one queue deliver every action exactly once", async () => {
    fixture.fake.setFaults({ latencyMs: 40 });
    const chats = writableChats();
    expect(chats.length).toBeGreaterThanOrEqual(6);
    const texts: string[] = [];
    for (const [index, chat] of chats.entries()) {
      for (const part of ["a", "b"]) {
        const text = `Answer ${index}${part}`;
        texts.push(text);
        await fixture.send(chat.id, text);
      }
    }
    const unread = fixture.chats.filter((chat) => (chat.providerUnreadCount ?? 0) > 0);
    for (const chat of unread) await markChatRead(fixture.prisma, { chatId: chat.id, userId: fixture.userId });
    const total = await unfinished();
    expect(total).toBe(texts.length + unread.length);

    // Two instances, each with its own pool, as two app processes would be.
    const holders = new Set<string>();
    const watch = setInterval(() => {
      fixture.prisma.outboxAction
        .findMany({ where: { status: "in_flight" }, select: { lockedBy: true } })
        .then((rows) => {
          for (const row of rows) if (row.lockedBy) holders.add(row.lockedBy);
        })
        .catch(() => {});
    }, 20);
    fixture.startWorker({ prisma: fixture.otherInstance(), instanceId: "instance-a", concurrency: 3 });
    fixture.startWorker({ prisma: fixture.otherInstance(), instanceId: "instance-b", concurrency: 3 });
    await vi.waitFor(async () => expect(await unfinished()).toBe(0), { ...SETTLING, timeout: 30_000 });
    clearInterval(watch);

    expect(holders).toEqual(new Set(["instance-a", "instance-b"]));
    expect(await fixture.prisma.outboxAction.count({ where: { status: "done" } })).toBe(total);
    const sent = fixture.answered("POST", SEND_PATH).map((call) => (call.body as { content: string }).content);
    expect(sent.sort()).toEqual([...texts].sort());
    for (const chat of unread) {
      expect(fixture.answered("PUT", new RegExp(`^/v1/chats/${chat.externalId}/read$`))).toHaveLength(1);
    }
  });

  it("takes over an action whose instance died, after its lease, without sending it twice", async () => {
    const [chat] = writableChats();
    if (!chat) throw new Error("no writable chat");
    const messageId = await fixture.send(chat.id, "Sent by an instance that then died");
    const message = await fixture.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    // The dead instance had claimed it and its request reached the provider before it died.
    const provider = await providerForConnection(fixture.prisma, fixture.connectionId);
    const delivered = await requireCapability(
      provider,
      "sendText",
    )({
      chatExternalId: chat.externalId,
      text: message.text ?? "",
      clientId: message.clientId ?? "",
    });
    await fixture.prisma.outboxAction.updateMany({
      where: { messageId },
      data: { status: "in_flight", lockedBy: "dead-instance", lockedUntil: new Date(Date.now() + 1_500), attempts: 1 },
    });

    fixture.startWorker({ leaseMs: 1_000 });
    await pause(800);
    const held = await fixture.prisma.outboxAction.findFirstOrThrow({ where: { messageId } });
    expect(held).toMatchObject({ status: "in_flight", lockedBy: "dead-instance" });

    await vi.waitFor(async () => {
      const row = await fixture.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(row.deliveryState, "taken over and settled").not.toBe("pending");
    }, SETTLING);
    const row = await fixture.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(row.externalId).toBe(delivered?.externalId);
    expect(row.deliveryError).toBeNull();
    expect(fixture.answered("POST", SEND_PATH)).toHaveLength(1);
    expect(fixture.answered("GET", new RegExp(`^/v1/chats/${chat.externalId}/messages$`)).length).toBeGreaterThan(0);
    expect(await fixture.prisma.outboxAction.findFirstOrThrow({ where: { messageId } })).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("an instance that lost its lease cannot settle the action any more", async () => {
    const [chat] = writableChats();
    if (!chat) throw new Error("no writable chat");
    await fixture.send(chat.id, "Contended");
    const [claimed] = await claimDueActions(fixture.prisma, { instanceId: "slow", leaseMs: 1, limit: 5 });
    if (!claimed) throw new Error("nothing claimed");
    await pause(20);
    const [retaken] = await claimDueActions(fixture.prisma, { instanceId: "fast", leaseMs: 60_000, limit: 5 });
    expect(retaken?.id).toBe(claimed.id);
    expect(retaken?.unconfirmedSince).toBeInstanceOf(Date);
    expect(await claimDueActions(fixture.prisma, { instanceId: "third", leaseMs: 60_000, limit: 5 })).toEqual([]);

    expect(await settleDelivered(fixture.prisma, claimed, "slow", { message: null })).toBe(false);
    const row = await fixture.prisma.outboxAction.findUniqueOrThrow({ where: { id: claimed.id } });
    expect(row).toMatchObject({ status: "in_flight", lockedBy: "fast" });
  });
});
