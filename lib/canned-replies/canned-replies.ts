import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { CannedReply, ZCreateReplyRequest, ZUpdateReplyRequest } from "@/lib/canned-replies/canned-replies.types";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client.ts";

export type ReplyViewer = { userId: string; isAdmin: boolean };

export const replyViewer = (session: { userId: string; role: string }): ReplyViewer => ({
  userId: session.userId,
  isAdmin: session.role === "admin",
});

type Row = { id: number; ownerId: string | null; title: string; text: string; shortcut: string | null };

const toView = (row: Row, viewer: ReplyViewer): CannedReply => ({
  id: row.id,
  scope: row.ownerId === null ? "team" : "personal",
  title: row.title,
  text: row.text,
  shortcut: row.shortcut,
  editable: row.ownerId === null ? viewer.isAdmin : row.ownerId === viewer.userId,
});

const SELECT = { id: true, ownerId: true, title: true, text: true, shortcut: true } as const;

/** The viewer's own replies first, then the team's, each by title. */
export async function listReplies(prisma: Db, viewer: ReplyViewer): Promise<CannedReply[]> {
  const rows = await prisma.cannedReply.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: viewer.userId }] },
    select: SELECT,
    orderBy: [{ ownerId: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => toView(row, viewer));
}

/** A shortcut already taken in the same scope is a clear 409, not a database error. */
function explainConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "This shortcut is already used by another saved reply");
  }
  if (error instanceof Error && /canned_replies_shortcut_key/.test(error.message)) {
    throw new AppError("CONFLICT", "This shortcut is already used by another saved reply");
  }
  throw error;
}

export async function createReply(
  prisma: Db,
  viewer: ReplyViewer,
  request: z.output<typeof ZCreateReplyRequest>,
): Promise<CannedReply> {
  if (request.scope === "team" && !viewer.isAdmin) {
    throw new AppError("FORBIDDEN", "Only admins manage the team's saved replies");
  }
  const ownerId = request.scope === "team" ? null : viewer.userId;
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.cannedReply.create({
        data: { ownerId, title: request.title, text: request.text, shortcut: request.shortcut ?? null },
        select: SELECT,
      });
      if (ownerId === null)
        await recordAudit(tx, {
          userId: viewer.userId,
          action: "reply.create",
          details: { id: row.id, title: row.title },
        });
      return toView(row, viewer);
    });
  } catch (error) {
    explainConflict(error);
  }
}

/** The reply if the viewer may change it; someone else's personal reply does not exist for them. */
async function editableReply(prisma: Db, viewer: ReplyViewer, id: number): Promise<Row> {
  const row = await prisma.cannedReply.findUnique({ where: { id }, select: SELECT });
  if (!row || (row.ownerId !== null && row.ownerId !== viewer.userId)) {
    throw new AppError("NOT_FOUND", "Saved reply not found");
  }
  if (row.ownerId === null && !viewer.isAdmin)
    throw new AppError("FORBIDDEN", "Only admins manage the team's saved replies");
  return row;
}

export async function updateReply(
  prisma: Db,
  viewer: ReplyViewer,
  id: number,
  changes: z.output<typeof ZUpdateReplyRequest>,
): Promise<CannedReply> {
  const existing = await editableReply(prisma, viewer, id);
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.cannedReply.update({ where: { id }, data: changes, select: SELECT });
      if (existing.ownerId === null)
        await recordAudit(tx, { userId: viewer.userId, action: "reply.update", details: { id, title: row.title } });
      return toView(row, viewer);
    });
  } catch (error) {
    explainConflict(error);
  }
}

export async function deleteReply(prisma: Db, viewer: ReplyViewer, id: number): Promise<{ deleted: true }> {
  const existing = await editableReply(prisma, viewer, id);
  await prisma.$transaction(async (tx) => {
    await tx.cannedReply.delete({ where: { id } });
    if (existing.ownerId === null)
      await recordAudit(tx, { userId: viewer.userId, action: "reply.delete", details: { id, title: existing.title } });
  });
  return { deleted: true };
}
