import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReply, deleteReply, listReplies, updateReply } from "@/lib/canned-replies/canned-replies";
import { ZCreateReplyRequest, ZUpdateReplyRequest } from "@/lib/canned-replies/canned-replies.types";
import { seedDemoReplies } from "@/lib/canned-replies/demo-replies";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let database: TestDatabase;
const ADMIN = { userId: "admin-1", isAdmin: true };
const AGENT = { userId: "agent-1", isAdmin: false };
const OTHER = { userId: "agent-2", isAdmin: false };

const create = (viewer: typeof ADMIN, input: Record<string, unknown>) =>
  createReply(database.prisma, viewer, ZCreateReplyRequest.parse(input));

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.user.createMany({
    data: [
      { id: ADMIN.userId, name: "Admin", email: "admin@inbox.test", role: "admin" },
      { id: AGENT.userId, name: "Agent", email: "agent@inbox.test" },
      { id: OTHER.userId, name: "Other", email: "other@inbox.test" },
    ],
  });
});

afterAll(async () => {
  await database.drop();
});

describe("saved replies", () => {
  it("demo mode gives a new team Russian and English examples, once", async () => {
    await seedDemoReplies(database.prisma);
    await seedDemoReplies(database.prisma);
    const titles = (await listReplies(database.prisma, OTHER)).map((reply) => reply.title);
    expect(titles).toEqual(expect.arrayContaining(["Greeting", "Приветствие"]));
    expect(titles).toHaveLength(4);
    await database.prisma.cannedReply.deleteMany();
  });

  it("the team's are made by admins and seen by everyone; personal ones only by their owner", async () => {
    const team = await create(ADMIN, {
      scope: "team",
      title: "Greeting",
      text: "Hello {{customer.name}}",
      shortcut: "Hi",
    });
    expect(team).toMatchObject({ scope: "team", shortcut: "hi", editable: true });
    await expect(create(AGENT, { scope: "team", title: "Mine", text: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const own = await create(AGENT, { scope: "personal", title: "Bye", text: "Goodbye", shortcut: "" });
    expect(own).toMatchObject({ scope: "personal", shortcut: null, editable: true });

    expect(
      (await listReplies(database.prisma, AGENT)).map((reply) => [reply.title, reply.scope, reply.editable]),
    ).toEqual([
      ["Bye", "personal", true],
      ["Greeting", "team", false],
    ]);
    expect((await listReplies(database.prisma, OTHER)).map((reply) => reply.title)).toEqual(["Greeting"]);
    const audit = await database.prisma.auditLog.findMany({ where: { action: { startsWith: "reply." } } });
    expect(audit.map((entry) => entry.action)).toEqual(["reply.create"]);
  });

  it("a shortcut is unique per scope, whatever its case; a personal one may repeat the team's", async () => {
    await create(ADMIN, { scope: "team", title: "Refund", text: "Refund on its way", shortcut: "refund" });
    await expect(
      create(ADMIN, { scope: "team", title: "Refund 2", text: "x", shortcut: "REFUND" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      create(AGENT, { scope: "personal", title: "My refund", text: "x", shortcut: "refund" }),
    ).resolves.toMatchObject({
      shortcut: "refund",
    });
    expect(
      ZCreateReplyRequest.safeParse({ scope: "personal", title: "x", text: "y", shortcut: "two words" }).success,
    ).toBe(false);
    expect(ZCreateReplyRequest.safeParse({ scope: "personal", title: " ", text: "y" }).success).toBe(false);
    expect(ZCreateReplyRequest.safeParse({ scope: "personal", title: "x", text: "y".repeat(4001) }).success).toBe(
      false,
    );
  });

  it("only the owner changes a personal reply (others do not see it at all); only admins change the team's", async () => {
    const own = await create(AGENT, { scope: "personal", title: "Draft", text: "v1" });
    const team = (await listReplies(database.prisma, AGENT)).find((reply) => reply.scope === "team");
    const change = ZUpdateReplyRequest.parse({ text: "v2" });
    await expect(updateReply(database.prisma, OTHER, own.id, change)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteReply(database.prisma, ADMIN, own.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateReply(database.prisma, AGENT, team?.id ?? 0, change)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await updateReply(database.prisma, AGENT, own.id, change)).toMatchObject({ text: "v2", title: "Draft" });
    expect(
      await updateReply(database.prisma, ADMIN, team?.id ?? 0, ZUpdateReplyRequest.parse({ shortcut: null })),
    ).toMatchObject({
      shortcut: null,
    });
    await deleteReply(database.prisma, AGENT, own.id);
    expect((await listReplies(database.prisma, AGENT)).some((reply) => reply.id === own.id)).toBe(false);
    expect(ZUpdateReplyRequest.safeParse({}).success).toBe(false);
  });
});
