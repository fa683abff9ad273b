import type { Db } from "@/lib/db";
import { findOwnSendCopy } from "@/lib/ingest/own-send";
import type { ChatProvider, NormalizedMessage } from "@/lib/providers/types";

/**
 * After an attempt that may have sent `send` without our seeing the answer: the provider's
 * copy of it, if the provider has one on the chat's newest page, so it is adopted instead of
 * sent a second time (the rule that decides is lib/ingest/own-send.ts). "unknowable" when the
 * provider cannot list messages.
 */
export async function findUnseenSend(
  prisma: Db,
  provider: ChatProvider,
  send: { id: number; chatId: number; chatExternalId: string },
  signal: AbortSignal,
): Promise<NormalizedMessage | null | "unknowable"> {
  const listMessages = provider.capabilities.listMessages;
  if (!listMessages) return "unknowable";
  const page = await listMessages(send.chatExternalId, null, signal);
  return findOwnSendCopy(prisma, send, page.items);
}
