import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { ZLinkLookupRequest, ZPhoneLookupRequest } from "@/lib/chats/lookup.types";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestChats, ingestMessages } from "@/lib/ingest/ingest";
import { componentLogger } from "@/lib/logger";
import { asAppError } from "@/lib/providers/as-app-error";
import { providerForConnection } from "@/lib/providers/for-connection";
import type { ChatProvider, ChatWithMessages, NormalizedChat } from "@/lib/providers/types";
import { recordSkippedItems } from "@/lib/sync/skipped-items";

const log = componentLogger("lookup");

type Found = { chatId: number };

/** Asks every connection that can look chats up; the first that knows the chat wins and it is cached. */
async function lookUp<Result>(
  prisma: Db,
  userId: string,
  ask: (provider: ChatProvider) => Promise<Result | null> | null,
  toChat: (result: Result) => ChatWithMessages,
  what: string,
): Promise<Found> {
  const connections = await prisma.connection.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
  let asked = 0;
  let lastError: AppError | null = null;
  for (const connection of connections) {
    const pending = ask(await providerForConnection(prisma, connection.id));
    if (!pending) continue;
    asked += 1;
    try {
      const result = await pending;
      if (!result) continue;
      const { chat, messages, skipped } = toChat(result);
      await recordSkippedItems(prisma, log, connection.id, skipped);
      const ids = await ingestChats(prisma, connection.id, [chat]);
      const chatId = ids.get(chat.externalId);
      if (chatId === undefined) continue;
      if (messages.length > 0) await ingestMessages(prisma, chatId, messages);
      await recordAudit(prisma, { userId, action: "chat.lookup", chatId, details: { what } });
      return { chatId };
    } catch (error) {
      lastError = asAppError(error, `Looking the chat up failed`);
      if (lastError.code === "BAD_REQUEST") throw lastError;
    }
  }
  if (asked === 0) throw new AppError("UNSUPPORTED", `No connected provider can look chats up by ${what}`);
  if (lastError) throw lastError;
  throw new AppError("NOT_FOUND", `No chat was found for this ${what}`);
}

export function lookupByPhone(prisma: Db, userId: string, input: z.infer<typeof ZPhoneLookupRequest>) {
  return lookUp(
    prisma,
    userId,
    (provider) => provider.capabilities.lookupByPhone?.(input) ?? null,
    (result: ChatWithMessages) => result,
    "phone",
  );
}

export function lookupByLink(prisma: Db, userId: string, input: z.infer<typeof ZLinkLookupRequest>) {
  return lookUp(
    prisma,
    userId,
    (provider) => provider.capabilities.lookupByLink?.(input.link) ?? null,
    (chat: NormalizedChat) => ({ chat, messages: [] }),
    "link",
  );
}
