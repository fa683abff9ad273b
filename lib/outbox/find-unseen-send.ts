import type { Db } from "@/lib/db";
import type { ChatProvider, NormalizedMessage } from "@/lib/providers/types";

/** Provider clocks and ours disagree a little; a message this much "older" than ours can still be it. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

export type SendToFind = {
  id: number;
  chatId: number;
  chatExternalId: string;
  text: string | null;
  createdAt: Date;
};

const normalized = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

/**
 * After an attempt that may have sent `send` without our seeing the answer: the provider's
 * copy of it, if the provider has one, so it is adopted instead of sent a second time.
 * Looks at the newest page of the chat for an outbound message with the same text, written
 * after ours was (give or take clock skew), that is not already another inbox send.
 * "unknowable" when the provider cannot list messages.
 *
 * The limits: a busy chat may push the copy off the newest page, and an identical text sent
 * by someone in the provider's own app at that moment would be taken for ours.
 */
export async function findUnseenSend(
  prisma: Db,
  provider: ChatProvider,
  send: SendToFind,
  signal: AbortSignal,
): Promise<NormalizedMessage | null | "unknowable"> {
  const listMessages = provider.capabilities.listMessages;
  if (!listMessages) return "unknowable";
  const page = await listMessages(send.chatExternalId, null, signal);
  const text = normalized(send.text);
  const candidates = page.items
    .filter(
      (message) =>
        message.direction === "outbound" &&
        normalized(message.text) === text &&
        message.createdAt.getTime() >= send.createdAt.getTime() - CLOCK_SKEW_MS,
    )
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (candidates.length === 0) return null;
  const othersSends = await prisma.message.findMany({
    where: {
      chatId: send.chatId,
      externalId: { in: candidates.map((message) => message.externalId) },
      id: { not: send.id },
      clientId: { not: null },
    },
    select: { externalId: true },
  });
  const taken = new Set(othersSends.map((message) => message.externalId));
  return candidates.find((message) => !taken.has(message.externalId)) ?? null;
}
