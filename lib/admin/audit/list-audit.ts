import "server-only";
import type { AuditEntry, AuditPage, AuditQuery } from "@/lib/admin/audit/audit.types";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A plain date ("2026-12-04") as `to` means the whole of that day. */
function endOf(value: Date, raw: boolean): Date {
  return raw ? new Date(value.getTime() + DAY_MS) : value;
}

/** Who did what, newest first, by keyset pages; filters by person, action, chat and time. */
export async function listAudit(client: DbClient, query: AuditQuery, rawTo?: string): Promise<AuditPage> {
  const where: Prisma.AuditLogWhereInput = {};
  if (query.user) where.userId = query.user;
  if (query.action) where.action = query.action;
  if (query.chat) where.chatId = query.chat;
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = query.from;
  if (query.to) createdAt.lt = endOf(query.to, rawTo !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(rawTo));
  if (query.from || query.to) where.createdAt = createdAt;
  const conditions: Prisma.AuditLogWhereInput[] = [where];
  if (query.cursor) {
    const position = decodeCursor(query.cursor);
    conditions.push({
      OR: [{ createdAt: { lt: position.at } }, { createdAt: position.at, id: { lt: position.id } }],
    });
  }
  const rows = await client.auditLog.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { user: { select: { name: true, email: true } }, chat: { select: { title: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: AuditEntry[] = page.map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    userId: row.userId,
    userName: row.user?.name ?? null,
    userEmail: row.user?.email ?? null,
    action: row.action,
    chatId: row.chatId,
    chatTitle: row.chat?.title ?? null,
    details: (row.details ?? {}) as Record<string, unknown>,
  }));
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
