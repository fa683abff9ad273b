import { findVisibleChat } from "@/lib/chats/find-chat";
import type { DbClient } from "@/lib/db";

export type ParticipantView = {
  id: number;
  externalId: string;
  name: string | null;
  username: string | null;
  isActive: boolean;
  isBot: boolean;
  joinedAt: string | null;
};

/** The chat's members as last synced, active ones first. */
export async function listParticipants(client: DbClient, chatId: number): Promise<ParticipantView[]> {
  await findVisibleChat(client, chatId);
  const rows = await client.participant.findMany({
    where: { chatId },
    orderBy: [{ isActive: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    username: row.username,
    isActive: row.isActive,
    isBot: row.isBot,
    joinedAt: row.joinedAt?.toISOString() ?? null,
  }));
}
