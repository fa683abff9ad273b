import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChats, listChatsSql, ZListChatsQuery } from "@/lib/chats/list-chats";
import { SEARCH_PLANS, type SearchPlan } from "@/lib/chats/search";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
let connectionId: string;

async function addChat(title: string, phone: string | null, texts: string[], minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const chat = await database.prisma.chat.create({
    data: { connectionId, externalId: title, title, phone, lastMessageAt: at },
  });
  for (const [index, text] of texts.entries()) {
    await database.prisma.message.create({
      data: { chatId: chat.id, externalId: `${title}-${index}`, direction: "inbound", text, createdAt: at },
    });
  }
  return chat.id;
}

const VIEWER = { userId: "search-test" };

const search = async (q: string) =>
  (await listChats(database.prisma, ZListChatsQuery.parse({ q }), VIEWER)).items.map((chat) => chat.title);

async function searchIn(plan: SearchPlan, q: string) {
  const rows = await database.prisma.$queryRaw<Array<{ title: string }>>(
    listChatsSql(ZListChatsQuery.parse({ q }), VIEWER, plan),
  );
  return rows.map((row) => row.title);
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ id: connectionId } = await database.prisma.connection.create({
    data: { slug: "test:search", kind: "smartsender", displayName: "Test", baseUrl: "http://127.0.0.1:9" },
  }));
  await addChat("Анна Иванова", "+79001234567", ["Где мой заказ?"], 5);
  await addChat("Emily Smith", "+447700900123", ["I want a refund for my order"], 10);
  await addChat("Оксана Коваленко", null, ["Коли повернуть кошти? Хочу возврат денег"], 15);
  await addChat("Дмитрий Попов", "+79005550000", ["Возвраты обрабатываются долго", "спасибо"], 20);
  await addChat("100% discount_club", null, ["hello"], 25);
});

afterAll(async () => {
  await database.drop();
});

describe("chat search", () => {
  it("finds words in message texts with Russian and English stemming, newest chat first", async () => {
    expect(await search("возврат")).toEqual(["Оксана Коваленко", "Дмитрий Попов"]);
    expect(await search("refunds")).toEqual(["Emily Smith"]);
  });

  it("finds substrings of titles, case-insensitively", async () => {
    expect(await search("иванов")).toEqual(["Анна Иванова"]);
  });

  it("finds phones by their digits whatever the formatting", async () => {
    expect(await search("+7 (900) 123")).toEqual(["Анна Иванова"]);
    expect(await search("555 00")).toEqual(["Дмитрий Попов"]);
  });

  it("treats LIKE wildcards in the query literally", async () => {
    expect(await search("100%")).toEqual(["100% discount_club"]);
    // As wildcards these would match "discount_club"; as literal text they match nothing.
    expect(await search("count%club")).toEqual([]);
    expect(await search("coun__")).toEqual([]);
  });

  it("gives the same chats, newest first, in every plan", async () => {
    for (const q of ["возврат", "иванов", "order", "+7 (900) 123", "nothing-like-this"]) {
      const expected = await search(q);
      for (const plan of SEARCH_PLANS)
        expect(await searchIn(plan, q), `${q} ${JSON.stringify(plan)}`).toEqual(expected);
    }
  });
});
