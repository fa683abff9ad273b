import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestInvitationLink } from "@/lib/ingest/ingest";
import { asAppError } from "@/lib/providers/as-app-error";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";

/** The chat's invitation link: the one the provider reported with the chat, else asked for now (and kept). */
export async function invitationLink(prisma: Db, chatId: number): Promise<{ link: string }> {
  const chat = await findVisibleChat(prisma, chatId);
  const fetchLink = requireCapability(await providerForConnection(prisma, chat.connectionId), "invitationLink");
  if (chat.publicLink) return { link: chat.publicLink };
  const link = await fetchLink(chat.externalId).catch((error: unknown) => {
    throw asAppError(error, "The provider could not give an invitation link");
  });
  if (!link) throw new AppError("NOT_FOUND", "This chat has no invitation link");
  await ingestInvitationLink(prisma, chatId, link);
  return { link };
}
