import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assignChat } from "@/lib/assignment/assign-chat";
import { listStaff } from "@/lib/assignment/staff";
import { updateTeamSettings } from "@/lib/assignment/team-settings";
import { listChats, ZListChatsQuery } from "@/lib/chats/list-chats";
import { viewCounts } from "@/lib/chats/view-counts";
import type { Db } from "@/lib/db";
import { sendMessage } from "@/lib/messages/send-message";
import { smartSenderOutboxPerTest, writableChats } from "@/lib/outbox/testing/fixture";

const outbox = smartSenderOutboxPerTest(8);

async function teammate(prisma: Db, name: string) {
  return prisma.user.create({ data: { id: randomUUID(), name, email: `${randomUUID()}@example.com` } });
}

const auditOf = (prisma: Db, chatId: number) =>
  prisma.auditLog.findMany({ where: { chatId, action: "chat.assign" }, orderBy: { id: "asc" } });

const eventsSince = async (prisma: Db, id: bigint) =>
  (await prisma.changeEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((event) => ({
    type: event.type,
    ...(event.payload as object),
  }));

const lastEventId = async (prisma: Db) => (await prisma.changeEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;

const titles = async (prisma: Db, userId: string, params: Record<string, string>) =>
  (await listChats(prisma, ZListChatsQuery.parse({ limit: "200", ...params }), { userId })).items.map(
    (chat) => chat.id,
  );

describe("assignment", () => {
  it("gives a chat to one teammate at a time, live, audited, and moves it between the views and their counts", async () => {
    const { prisma, userId: me, chats, connectionId } = outbox.current;
    const olena = await teammate(prisma, "Olena Petrenko");
    const [chat, other] = chats;
    if (!chat || !other) throw new Error("The sandbox has too few chats");
    const before = await viewCounts(prisma, olena.id);
    expect(before.byConnection[connectionId]?.open).toEqual({ mine: 0, unassigned: chats.length, all: chats.length });

    const since = await lastEventId(prisma);
    expect(await assignChat(prisma, { chatId: chat.id, actorId: me, assigneeId: olena.id })).toEqual({
      assigneeId: olena.id,
    });
    expect(await eventsSince(prisma, since)).toEqual([
      { type: "chat.changed", chatId: chat.id, connectionId },
      { type: "counts.changed", connectionId },
    ]);
    expect((await auditOf(prisma, chat.id)).map((entry) => [entry.userId, entry.details])).toEqual([
      [me, { from: null, to: olena.id }],
    ]);
    expect(await titles(prisma, olena.id, { view: "mine" })).toEqual([chat.id]);
    expect(await titles(prisma, me, { view: "mine" })).toEqual([]);
    expect(await titles(prisma, me, { view: "unassigned" })).not.toContain(chat.id);
    expect((await viewCounts(prisma, olena.id)).byConnection[connectionId]?.open).toEqual({
      mine: 1,
      unassigned: chats.length - 1,
      all: chats.length,
    });

    // The same choice again changes and records nothing.
    const quiet = await lastEventId(prisma);
    await assignChat(prisma, { chatId: chat.id, actorId: me, assigneeId: olena.id });
    expect(await eventsSince(prisma, quiet)).toEqual([]);
    expect(await auditOf(prisma, chat.id)).toHaveLength(1);

    // To me: one assignee still, Olena's view loses it.
    await assignChat(prisma, { chatId: chat.id, actorId: olena.id, assigneeId: me });
    expect(await titles(prisma, olena.id, { view: "mine" })).toEqual([]);
    expect(await titles(prisma, me, { view: "mine" })).toEqual([chat.id]);
    await assignChat(prisma, { chatId: chat.id, actorId: me, assigneeId: null });
    expect(await titles(prisma, me, { view: "unassigned" })).toContain(chat.id);
    expect((await auditOf(prisma, chat.id)).map((entry) => entry.details)).toEqual([
      { from: null, to: olena.id },
      { from: olena.id, to: me },
      { from: me, to: null },
    ]);
    const counts = (await viewCounts(prisma, me)).byConnection[connectionId];
    expect(counts?.open).toEqual({ mine: 0, unassigned: chats.length, all: chats.length });
  });

  it("refuses someone who is not staff, and a chat nobody may see", async () => {
    const { prisma, userId: me, chats, connectionId } = outbox.current;
    const [chat] = chats;
    if (!chat) throw new Error("The sandbox has no chat");
    await expect(
      assignChat(prisma, { chatId: chat.id, actorId: me, assigneeId: "no-such-user" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await prisma.connection.update({ where: { id: connectionId }, data: { enabled: false } });
    await expect(assignChat(prisma, { chatId: chat.id, actorId: me, assigneeId: me })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A switched-off connection's chats leave every count.
    expect((await viewCounts(prisma, me)).byConnection[connectionId]).toBeUndefined();
  });

  it("leaves a deleted teammate's chats unassigned, counts included", async () => {
    const { prisma, userId: me, chats, connectionId } = outbox.current;
    const leaving = await teammate(prisma, "Leaving Soon");
    const [first, second] = chats;
    if (!first || !second) throw new Error("The sandbox has too few chats");
    await assignChat(prisma, { chatId: first.id, actorId: me, assigneeId: leaving.id });
    await assignChat(prisma, { chatId: second.id, actorId: me, assigneeId: leaving.id });
    expect((await listStaff(prisma)).map((member) => member.name)).toContain("Leaving Soon");
    await prisma.user.delete({ where: { id: leaving.id } });
    expect(await titles(prisma, me, { view: "unassigned" })).toEqual(expect.arrayContaining([first.id, second.id]));
    expect((await viewCounts(prisma, me)).byConnection[connectionId]?.open.unassigned).toBe(chats.length);
  });

  it("auto-assign (an admin setting): the first agent who replies to an unassigned chat becomes its assignee", async () => {
    const { prisma, userId: me } = outbox.current;
    const olena = await teammate(prisma, "Olena Petrenko");
    const [off, on] = writableChats(outbox.current);
    if (!off || !on) throw new Error("The sandbox has too few writable chats");
    const reply = (chatId: number, user: { id: string; name: string }) =>
      sendMessage(prisma, { chatId, user, request: { text: `Hello from ${user.name}`, clientId: randomUUID() } });

    await reply(off.id, { id: me, name: "Agent Smith" });
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: off.id } })).assigneeId).toBeNull();

    await updateTeamSettings(prisma, { userId: me, changes: { autoAssign: true } });
    await reply(on.id, { id: olena.id, name: olena.name });
    await reply(on.id, { id: me, name: "Agent Smith" });
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: on.id } })).assigneeId).toBe(olena.id);
    expect((await auditOf(prisma, on.id)).map((entry) => [entry.userId, entry.details])).toEqual([
      [olena.id, { from: null, to: olena.id, auto: true }],
    ]);
    // An assigned chat keeps its assignee whoever replies.
    await assignChat(prisma, { chatId: off.id, actorId: me, assigneeId: olena.id });
    await reply(off.id, { id: me, name: "Agent Smith" });
    expect((await prisma.chat.findUniqueOrThrow({ where: { id: off.id } })).assigneeId).toBe(olena.id);
    expect(await prisma.auditLog.count({ where: { action: "settings.team", userId: me } })).toBe(1);
  });
});
