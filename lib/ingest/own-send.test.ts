import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { OutboxStatus } from "@/lib/generated/prisma/enums.ts";
import { ingestChats, ingestMessages } from "@/lib/ingest/ingest";
import { findOwnSendCopy, pairOwnSends } from "@/lib/ingest/own-send";
import { isPendingExternalId, pendingExternalId } from "@/lib/ingest/pending-id";
import { chatRow, messageRow, storedConnection } from "@/lib/ingest/testing/rows";
import type { NormalizedMessage } from "@/lib/providers/types";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let prisma: Db;
let connectionId: string;
let chatId: number;
let chat = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  connectionId = await storedConnection(prisma);
});
afterAll(async () => {
  await database.drop();
});
beforeEach(async () => {
  chat += 1;
  const ids = await ingestChats(prisma, connectionId, [chatRow(`c${chat}`)]);
  chatId = ids.get(`c${chat}`) ?? 0;
});

const MINUTE = 60_000;
/** Times in the cases are minutes from the moment the test runs (negative: earlier). */
const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

type OurSend = {
  text: string;
  /** When the agent pressed send. */
  created: number;
  /** The outbox action of the send (absent: queued, never attempted). */
  outbox?: { status: OutboxStatus; unconfirmedSince?: number; completed?: number };
};
type ProviderMessage = { id: string; text: string; at: number; direction?: NormalizedMessage["direction"] };
/** A row the cache already holds under a provider id: stored by the sync, or another inbox send. */
type StoredRow = { id: string; text: string; at: number; inboxSend: boolean };

async function storeOurSend(send: OurSend): Promise<number> {
  const clientId = randomUUID();
  const row = await prisma.message.create({
    data: {
      chatId,
      externalId: pendingExternalId(clientId),
      direction: "outbound",
      text: send.text,
      createdAt: at(send.created),
      deliveryState: "pending",
      clientId,
      authorName: "Agent",
    },
  });
  if (send.outbox) {
    await prisma.outboxAction.create({
      data: {
        connectionId,
        chatId,
        messageId: row.id,
        kind: "send_message",
        idempotencyKey: `send_message:${clientId}`,
        status: send.outbox.status,
        attempts: 1,
        unconfirmedSince: send.outbox.unconfirmedSince === undefined ? null : at(send.outbox.unconfirmedSince),
        completedAt: send.outbox.completed === undefined ? null : at(send.outbox.completed),
      },
    });
  }
  return row.id;
}

async function storeRow(row: StoredRow) {
  await prisma.message.create({
    data: {
      chatId,
      externalId: row.id,
      direction: "outbound",
      text: row.text,
      createdAt: at(row.at),
      clientId: row.inboxSend ? randomUUID() : null,
    },
  });
}

const listed = (message: ProviderMessage) =>
  messageRow(`c${chat}`, message.id, at(message.at), {
    direction: message.direction ?? "outbound",
    text: message.text,
  });

type Case = {
  name: string;
  ours: OurSend[];
  provider: ProviderMessage[];
  stored?: StoredRow[];
  /** The pairs the rule makes: provider id → index of our send (and whether that id already has a row). */
  pairs: Array<[string, number] | [string, number, "stored"]>;
};

const CASES: Case[] = [
  {
    name: "the provider trimmed the text",
    ours: [{ text: "On its way!", created: 0 }],
    provider: [{ id: "p1", text: "  On its way!\n", at: 0.05 }],
    pairs: [["p1", 0]],
  },
  {
    name: "the provider folded line breaks and double spaces",
    ours: [{ text: "Line one\n\nline  two", created: 0 }],
    provider: [{ id: "p1", text: "Line one line two", at: 0.05 }],
    pairs: [["p1", 0]],
  },
  {
    name: "another text is another message",
    ours: [{ text: "Hello", created: 0 }],
    provider: [{ id: "p1", text: "Hello!", at: 0 }],
    pairs: [],
  },
  {
    name: "the customer writing the same words is not our send",
    ours: [{ text: "ok", created: 0 }],
    provider: [{ id: "p1", text: "ok", at: 0, direction: "inbound" }],
    pairs: [],
  },
  {
    name: "the provider's clock 90 s behind ours",
    ours: [{ text: "Thanks", created: 0 }],
    provider: [{ id: "p1", text: "Thanks", at: -1.5 }],
    pairs: [["p1", 0]],
  },
  {
    name: "a message dated 3 minutes before ours was typed is someone else's",
    ours: [{ text: "Thanks", created: 0 }],
    provider: [{ id: "p1", text: "Thanks", at: -3 }],
    pairs: [],
  },
  {
    name: "a copy 4 minutes after the send is ours; one 10 minutes after, with no attempt since, is not",
    ours: [
      { text: "Sent", created: -20 },
      { text: "Done", created: -20 },
    ],
    provider: [
      { id: "p1", text: "Sent", at: -16 },
      { id: "p2", text: "Done", at: -10 },
    ],
    pairs: [["p1", 0]],
  },
  {
    name: "a send delivered an hour late, while its attempt is under way",
    ours: [{ text: "Sorry for the wait", created: -60, outbox: { status: "in_flight" } }],
    provider: [{ id: "p1", text: "Sorry for the wait", at: 0 }],
    pairs: [["p1", 0]],
  },
  {
    name: "a send whose outcome was unknown, 40 minutes after it was typed",
    ours: [{ text: "Invoice re-sent", created: -50, outbox: { status: "pending", unconfirmedSince: -10 } }],
    provider: [{ id: "p1", text: "Invoice re-sent", at: -10.2 }],
    pairs: [["p1", 0]],
  },
  {
    name: "a send delivered without a copy back, listed a moment after",
    ours: [{ text: "Noted", created: -30, outbox: { status: "done", completed: -8 } }],
    provider: [{ id: "p1", text: "Noted", at: -8.1 }],
    pairs: [["p1", 0]],
  },
  {
    name: "two identical ok's a minute apart stay two messages, each paired with its own send",
    ours: [
      { text: "ok", created: -1 },
      { text: "ok", created: 0 },
    ],
    provider: [
      { id: "p2", text: "ok", at: 0.02 },
      { id: "p1", text: "ok", at: -0.98 },
    ],
    pairs: [
      ["p1", 0],
      ["p2", 1],
    ],
  },
  {
    name: "a provider message stored as another inbox send is that send's, not ours",
    ours: [{ text: "ok", created: 0 }],
    provider: [{ id: "p1", text: "ok", at: 0 }],
    stored: [{ id: "p1", text: "ok", at: 0, inboxSend: true }],
    pairs: [],
  },
  {
    name: "a twin the sync already stored as a row of its own is ours (record-sent merges it)",
    ours: [{ text: "See you", created: 0 }],
    provider: [{ id: "p1", text: "See you", at: 0.1 }],
    stored: [{ id: "p1", text: "See you", at: 0.1, inboxSend: false }],
    pairs: [["p1", 0, "stored"]],
  },
];

describe("the own-send rule", () => {
  it.each(CASES)("$name", async ({ ours, provider, stored = [], pairs }) => {
    const ourIds: number[] = [];
    for (const send of ours) ourIds.push(await storeOurSend(send));
    for (const row of stored) await storeRow(row);
    const made = await pairOwnSends(prisma, [{ chatId, messages: provider.map(listed) }]);
    expect(made.map((pair) => [pair.externalId, ourIds.indexOf(pair.pendingId), pair.stored]).sort()).toEqual(
      pairs.map(([externalId, index, twin]) => [externalId, index, twin === "stored"]).sort(),
    );
  });
});

describe("its three users", () => {
  it("the sync renames our pending row, and leaves a twin it already stored to record-sent", async () => {
    const adopted = await storeOurSend({ text: "On its way!", created: 0 });
    const twinned = await storeOurSend({ text: "See you", created: 0 });
    await storeRow({ id: "p2", text: "See you", at: 0, inboxSend: false });
    await ingestMessages(prisma, chatId, [
      listed({ id: "p1", text: "On its way! ", at: 0 }),
      listed({ id: "p2", text: "See you", at: 0 }),
    ]);
    const externalIdOf = async (id: number) => (await prisma.message.findUniqueOrThrow({ where: { id } })).externalId;
    expect(await externalIdOf(adopted)).toBe("p1");
    expect(isPendingExternalId(await externalIdOf(twinned))).toBe(true);
    expect(await prisma.message.count({ where: { chatId } })).toBe(3);
  });

  it("the outbox's unknown-outcome check finds the copy that pairs with its send, not its neighbour's", async () => {
    const first = await storeOurSend({ text: "ok", created: -1, outbox: { status: "done", completed: -1 } });
    const second = await storeOurSend({ text: "ok", created: 0, outbox: { status: "in_flight", unconfirmedSince: 0 } });
    const page = [listed({ id: "p1", text: "ok", at: -0.99 }), listed({ id: "p2", text: "ok", at: 0.01 })];
    expect((await findOwnSendCopy(prisma, { id: second, chatId }, page))?.externalId).toBe("p2");
    expect((await findOwnSendCopy(prisma, { id: first, chatId }, page))?.externalId).toBe("p1");
    expect(await findOwnSendCopy(prisma, { id: second, chatId }, page.slice(0, 1))).toBeNull();
  });
});
