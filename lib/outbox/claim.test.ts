import { describe, expect, it, vi } from "vitest";
import { markChatRead } from "@/lib/chats/mark-read";
import { claimDueActions } from "@/lib/outbox/claim";
import { settleDelivered } from "@/lib/outbox/settle";
import {
  pause,
  SMARTSENDER_SEND_PATH as SEND_PATH,
  SETTLING,
  smartSenderOutboxPerTest,
  writableChats,
} from "@/lib/outbox/testing/fixture";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";

const outbox = smartSenderOutboxPerTest(16);

const unfinished = () =>
  outbox.current.prisma.outboxAction.count({ where: { status: { in: ["pending", "in_flight"] } } });

describe("claiming outbox actions", () => {
  it("two instances working one queue deliver every action exactly once", async () => {
    outbox.current.fake.setFaults({ latencyMs: 40 });
    const chats = writableChats(outbox.current);
    expect(chats.length).toBeGreaterThanOrEqual(6);
    const texts: string[] = [];
    for (const [index, chat] of chats.entries()) {
      for (const part of ["a", "b"]) {
        const text = `Answer ${index}${part}`;
        texts.push(text);
        await outbox.current.send(chat.id, text);
      }
    }
    const unread = outbox.current.chats.filter((chat) => (chat.providerUnreadCount ?? 0) > 0);
    for (const chat of unread)
      await markChatRead(outbox.current.prisma, { chatId: chat.id, userId: outbox.current.userId });
    const total = await unfinished();
    expect(total).toBe(texts.length + unread.length);

    // Two instances, each with its own pool, as two app processes would be.
    const holders = new Set<string>();
    const watch = setInterval(() => {
      outbox.current.prisma.outboxAction
        .findMany({ where: { status: "in_flight" }, select: { lockedBy: true } })
        .then((rows) => {
          for (const row of rows) if (row.lockedBy) holders.add(row.lockedBy);
        })
        .catch(() => {});
    }, 20);
    outbox.current.startWorker({ prisma: outbox.current.otherInstance(), instanceId: "instance-a", concurrency: 3 });
    outbox.current.startWorker({ prisma: outbox.current.otherInstance(), instanceId: "instance-b", concurrency: 3 });
    await vi.waitFor(async () => expect(await unfinished()).toBe(0), { ...SETTLING, timeout: 30_000 });
    clearInterval(watch);

    expect(holders).toEqual(new Set(["instance-a", "instance-b"]));
    expect(await outbox.current.prisma.outboxAction.count({ where: { status: "done" } })).toBe(total);
    const sent = outbox.current.answered("POST", SEND_PATH).map((call) => (call.body as { content: string }).content);
    expect(sent.sort()).toEqual([...texts].sort());
    for (const chat of unread) {
      expect(outbox.current.answered("PUT", new RegExp(`^/v1/chats/${chat.externalId}/read$`))).toHaveLength(1);
    }
  });

  it("takes over an action whose instance died, after its lease, without sending it twice", async () => {
    const [chat] = writableChats(outbox.current);
    if (!chat) throw new Error("no writable chat");
    const messageId = await outbox.current.send(chat.id, "Sent by an instance that then died");
    const message = await outbox.current.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    // The dead instance had claimed it and its request reached the provider before it died.
    const provider = await providerForConnection(outbox.current.prisma, outbox.current.connectionId);
    const delivered = await requireCapability(
      provider,
      "sendText",
    )({
      chatExternalId: chat.externalId,
      text: message.text ?? "",
      clientId: message.clientId ?? "",
    });
    await outbox.current.prisma.outboxAction.updateMany({
      where: { messageId },
      data: { status: "in_flight", lockedBy: "dead-instance", lockedUntil: new Date(Date.now() + 1_500), attempts: 1 },
    });

    outbox.current.startWorker({ leaseMs: 1_000 });
    await pause(800);
    const held = await outbox.current.prisma.outboxAction.findFirstOrThrow({ where: { messageId } });
    expect(held).toMatchObject({ status: "in_flight", lockedBy: "dead-instance" });

    await vi.waitFor(async () => {
      const row = await outbox.current.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(row.deliveryState, "taken over and settled").not.toBe("pending");
    }, SETTLING);
    const row = await outbox.current.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(row.externalId).toBe(delivered?.externalId);
    expect(row.deliveryError).toBeNull();
    expect(outbox.current.answered("POST", SEND_PATH)).toHaveLength(1);
    expect(
      outbox.current.answered("GET", new RegExp(`^/v1/chats/${chat.externalId}/messages$`)).length,
    ).toBeGreaterThan(0);
    expect(await outbox.current.prisma.outboxAction.findFirstOrThrow({ where: { messageId } })).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("an instance that lost its lease cannot settle the action any more", async () => {
    const [chat] = writableChats(outbox.current);
    if (!chat) throw new Error("no writable chat");
    await outbox.current.send(chat.id, "Contended");
    const [claimed] = await claimDueActions(outbox.current.prisma, { instanceId: "slow", leaseMs: 1, limit: 5 });
    if (!claimed) throw new Error("nothing claimed");
    await pause(20);
    const [retaken] = await claimDueActions(outbox.current.prisma, { instanceId: "fast", leaseMs: 60_000, limit: 5 });
    expect(retaken?.id).toBe(claimed.id);
    expect(retaken?.unconfirmedSince).toBeInstanceOf(Date);
    expect(await claimDueActions(outbox.current.prisma, { instanceId: "third", leaseMs: 60_000, limit: 5 })).toEqual(
      [],
    );

    expect(await settleDelivered(outbox.current.prisma, claimed, "slow", { message: null })).toBe(false);
    const row = await outbox.current.prisma.outboxAction.findUniqueOrThrow({ where: { id: claimed.id } });
    expect(row).toMatchObject({ status: "in_flight", lockedBy: "fast" });
  });
});
