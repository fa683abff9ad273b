import type { Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";

/** The caller opened the chat: its mentions of them leave their Mentions view. */
export async function markMentionsSeen(prisma: Db, { chatId, userId }: { chatId: number; userId: string }) {
  return prisma.$transaction(async (tx) => {
    const chat = await tx.chat.findUnique({ where: { id: chatId }, select: { connectionId: true } });
    const { count } = await tx.noteMention.updateMany({
      where: { chatId, userId, seenAt: null },
      data: { seenAt: new Date() },
    });
    if (count > 0 && chat) {
      await emitChanges(tx, [
        { type: "chat.changed", chatId, connectionId: chat.connectionId },
        { type: "counts.changed", connectionId: chat.connectionId },
      ]);
    }
    return { seen: count };
  });
}
