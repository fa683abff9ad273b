import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isPendingExternalId } from "@/lib/ingest/pending-id";
import type { ClaimedAction } from "@/lib/outbox/claim";
import { findUnseenSend } from "@/lib/outbox/find-unseen-send";
import { fileLinkFor } from "@/lib/outgoing-files/file-link";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";
import type { ChatProvider, NormalizedMessage } from "@/lib/providers/types";

export type DeliveryResult =
  | { kind: "done" }
  /** The provider has the message; with its copy when it gave one back. */
  | { kind: "sent"; message: NormalizedMessage | null }
  /** An earlier attempt may have sent it, and this provider cannot be asked whether it did. */
  | { kind: "unconfirmed" };

const removeParticipantPayload = z.object({ participantExternalId: z.string().min(1) });

type StoredFile = { id: string; fileName: string; mimeType: string; kind: string; size: number };

/**
 * A reply's files, one request each, at links made now (each attempt gets a day to download);
 * the text goes as the first file's caption (the send refused text where the provider has none).
 * The provider's copy of the last file stands for the message.
 */
async function sendFiles(
  prisma: Db,
  provider: ChatProvider,
  input: { messageId: number; chatExternalId: string; text: string; clientId: string },
  files: StoredFile[],
  signal: AbortSignal,
): Promise<NormalizedMessage | null> {
  const sendFile = requireCapability(provider, "sendFile");
  let copy: NormalizedMessage | null = null;
  for (const [index, file] of files.entries()) {
    const url = fileLinkFor(file.id);
    // The thread's attachment takes the same link, so the provider's echo of it is known as this file.
    await prisma.$executeRaw`UPDATE attachments SET url = ${url}
      WHERE message_id = ${input.messageId} AND url LIKE ${`%/api/files/${file.id}.%`}`;
    copy = await sendFile(
      {
        chatExternalId: input.chatExternalId,
        clientId: files.length === 1 ? input.clientId : `${input.clientId}:${index}`,
        caption: index === 0 && input.text !== "" ? input.text : null,
        file: {
          kind: file.kind === "image" ? "image" : "file",
          fileName: file.fileName,
          mimeType: file.mimeType,
          size: file.size,
          url,
          content: async () =>
            (await prisma.outgoingFile.findUniqueOrThrow({ where: { id: file.id }, select: { content: true } }))
              .content,
        },
      },
      signal,
    );
  }
  return copy;
}

async function deliverSend(
  prisma: Db,
  provider: ChatProvider,
  action: ClaimedAction,
  signal: AbortSignal,
): Promise<DeliveryResult> {
  const message =
    action.messageId === null
      ? null
      : await prisma.message.findUnique({
          where: { id: action.messageId },
          include: { chat: { select: { externalId: true } }, replyTo: { select: { externalId: true } } },
        });
  if (!message) throw new AppError("NOT_FOUND", "The message to send no longer exists");
  // The sync already found the provider's copy of this message and adopted our row.
  if (!isPendingExternalId(message.externalId)) return { kind: "sent", message: null };
  if (action.unconfirmedSince) {
    const copy = await findUnseenSend(
      prisma,
      provider,
      { ...message, chatExternalId: message.chat.externalId },
      signal,
    );
    if (copy === "unknowable") return { kind: "unconfirmed" };
    if (copy) return { kind: "sent", message: copy };
  }
  const input = {
    chatExternalId: message.chat.externalId,
    text: message.text ?? "",
    clientId: message.clientId ?? action.idempotencyKey,
  };
  const files = await prisma.outgoingFile.findMany({
    where: { messageId: message.id },
    select: { id: true, fileName: true, mimeType: true, kind: true, size: true },
    orderBy: { createdAt: "asc" },
  });
  if (files.length > 0) {
    return {
      kind: "sent",
      message: await sendFiles(prisma, provider, { ...input, messageId: message.id }, files, signal),
    };
  }
  // Replying to our own message that never reached the provider: send it as a plain message.
  const replyTarget = message.replyTo?.externalId ?? message.replyToExternalId;
  if (replyTarget && !isPendingExternalId(replyTarget) && provider.capabilities.sendReply) {
    return {
      kind: "sent",
      message: await provider.capabilities.sendReply({ ...input, replyToExternalId: replyTarget }, signal),
    };
  }
  return { kind: "sent", message: await requireCapability(provider, "sendText")(input, signal) };
}

/** Performs one action at its provider. Throws what the provider threw. */
export async function deliverAction(prisma: Db, action: ClaimedAction, signal: AbortSignal): Promise<DeliveryResult> {
  const provider = await providerForConnection(prisma, action.connectionId);
  if (action.kind === "send_message") return deliverSend(prisma, provider, action, signal);
  const chat =
    action.chatId === null
      ? null
      : await prisma.chat.findUnique({ where: { id: action.chatId }, select: { externalId: true } });
  if (!chat) throw new AppError("NOT_FOUND", "The chat of this action no longer exists");
  switch (action.kind) {
    case "mark_read":
      await requireCapability(provider, "markRead")(chat.externalId, signal);
      break;
    case "close_chat":
      await requireCapability(provider, "closeChat")(chat.externalId, signal);
      break;
    case "remove_participant": {
      const payload = removeParticipantPayload.safeParse(action.payload);
      if (!payload.success) throw new AppError("BAD_REQUEST", "The action does not name the participant to remove");
      await requireCapability(provider, "removeParticipant")(
        chat.externalId,
        payload.data.participantExternalId,
        signal,
      );
      break;
    }
  }
  return { kind: "done" };
}
