import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { viewCounts } from "@/lib/chats/view-counts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
const VIEWER = { userId: "agent" };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function connection(slug: string, enabled = true) {
  return database.prisma.connection.create({
    data: { slug, kind: "max", displayName: slug, baseUrl: "http://127.0.0.1:9", enabled },
  });
}

/** A chat whose newest message is the given one. */
async function chatWith(
  connectionId: string,
  title: string,
  message: {
    direction: "inbound" | "outbound" | "note";
    state: "pending" | "sent" | "failed" | null;
    minutesAgo: number;
  },
) {
  const chat = await database.prisma.chat.create({ data: { connectionId, externalId: randomUUID(), title } });
  await database.prisma.message.create({
    data: {
      chatId: chat.id,
      externalId: randomUUID(),
      direction: message.direction,
      text: `${title} text`,
      createdAt: minutesAgo(message.minutesAgo),
      deliveryState: message.state,
      deliveryError: message.state === "failed" ? "Bot was blocked by the user" : null,
    },
  });
  return chat;
}

const undeliveredTitles = async () =>
  (await listChats(database.prisma, ZListChatsQuery.parse({ view: "undelivered" }), VIEWER)).items
    .map((chat) => chat.title)
    .sort();

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe("the Not delivered view", () => {
  it("lists chats with a failed send or one unconfirmed after 5 minutes, and counts them per connection", async () => {
    const max = await connection("test:max");
    const off = await connection("test:off", false);
    await chatWith(max.id, "Failed", { direction: "outbound", state: "failed", minutesAgo: 1 });
    await chatWith(max.id, "Stuck", { direction: "outbound", state: "pending", minutesAgo: 6 });
    await chatWith(max.id, "Just sent", { direction: "outbound", state: "pending", minutesAgo: 1 });
    await chatWith(max.id, "Delivered", { direction: "outbound", state: "sent", minutesAgo: 30 });
    await chatWith(max.id, "Customer", { direction: "inbound", state: null, minutesAgo: 30 });
    await chatWith(max.id, "Note", { direction: "note", state: null, minutesAgo: 30 });
    await chatWith(off.id, "Switched off", { direction: "outbound", state: "failed", minutesAgo: 1 });

    expect(await undeliveredTitles()).toEqual(["Failed", "Stuck"]);
    expect((await viewCounts(database.prisma, VIEWER.userId)).undelivered).toEqual({ [max.id]: 2 });
  });

  it("lets a chat go once its message is sent again", async () => {
    const chat = await database.prisma.chat.findFirstOrThrow({ where: { title: "Failed" } });
    await database.prisma.message.updateMany({
      where: { chatId: chat.id },
      data: { deliveryState: "sent", deliveryError: null },
    });
    expect(await undeliveredTitles()).toEqual(["Stuck"]);
  });
});
