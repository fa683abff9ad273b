import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unreadCounts } from "@/lib/chats/unread-counts";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let telegram: string;
let max: string;

const connection = async (slug: string) =>
  (
    await database.prisma.connection.create({
      data: { slug, kind: "max", displayName: slug, baseUrl: "http://127.0.0.1:9" },
    })
  ).id;

const addChat = (connectionId: string, externalId: string, unreadCount: number) =>
  database.prisma.chat.create({ data: { connectionId, externalId, title: externalId, unreadCount } });

/** What the totals must always equal: a fresh pass over every chat. */
async function recount() {
  const rows = await database.prisma.$queryRaw<Array<{ connectionId: string; unread: number; chats: number }>>`
    SELECT c.connection_id AS "connectionId", sum(c.unread_count)::int AS unread, count(*)::int AS chats
    FROM chats c JOIN connections k ON k.id = c.connection_id AND k.enabled
    WHERE c.unread_count > 0 GROUP BY c.connection_id`;
  return Object.fromEntries(rows.map((row) => [row.connectionId, { unread: row.unread, chats: row.chats }]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  telegram = await connection("test:a");
  max = await connection("test:b");
});

afterAll(async () => {
  await database.drop();
});

describe("unread counts", () => {
  it("add up unread messages and unread chats per connection as chats arrive, change and go", async () => {
    const first = await addChat(telegram, "one", 3);
    await addChat(telegram, "two", 0);
    const third = await addChat(max, "three", 5);
    expect(await unreadCounts(database.prisma)).toEqual({
      total: 8,
      chats: 2,
      byConnection: { [telegram]: { unread: 3, chats: 1 }, [max]: { unread: 5, chats: 1 } },
    });

    await database.prisma.chat.update({ where: { id: first.id }, data: { unreadCount: 7 } });
    await database.prisma.chat.update({ where: { id: third.id }, data: { unreadCount: 0, title: "read" } });
    await database.prisma.chat.updateMany({ where: { externalId: "two" }, data: { unreadCount: 1 } });
    expect(await unreadCounts(database.prisma)).toEqual({
      total: 8,
      chats: 2,
      byConnection: { [telegram]: { unread: 8, chats: 2 } },
    });

    await database.prisma.chat.delete({ where: { id: first.id } });
    expect((await unreadCounts(database.prisma)).byConnection).toEqual(await recount());
    expect((await unreadCounts(database.prisma)).total).toBe(1);
  });

  it("stay exact under concurrent changes to chats of one connection", async () => {
    const chats = await Promise.all(Array.from({ length: 20 }, (_, index) => addChat(max, `busy-${index}`, 0)));
    await Promise.all(
      chats.flatMap((chat, index) => [
        database.prisma.chat.update({ where: { id: chat.id }, data: { unreadCount: index % 4 } }),
        database.prisma.chat.update({ where: { id: chat.id }, data: { unreadCount: { increment: 2 } } }),
      ]),
    );
    expect((await unreadCounts(database.prisma)).byConnection).toEqual(await recount());
  });

  it("leave out connections that are switched off", async () => {
    await database.prisma.connection.update({ where: { id: max }, data: { enabled: false } });
    const counts = await unreadCounts(database.prisma);
    expect(Object.keys(counts.byConnection)).toEqual([telegram]);
    await database.prisma.connection.update({ where: { id: max }, data: { enabled: true } });
  });
});
