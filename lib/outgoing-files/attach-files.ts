import type { DbClient, DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SENT_BY_INBOX } from "@/lib/ingest/message-parts";
import { fileLinkFor } from "@/lib/outgoing-files/file-link";
import type { OutgoingFilesPolicy } from "@/lib/providers/outgoing-files.types";

export type ReplyFile = { id: string; fileName: string; mimeType: string; kind: "image" | "file"; size: number };

/**
 * The uploads a reply names, checked against the provider's policy: this agent's, of this chat,
 * not yet sent, no more than the provider takes, and text beside them only where it sends both.
 */
export async function filesForReply(
  client: DbClient,
  request: { chatId: number; userId: string; fileIds: string[]; text: string; policy: OutgoingFilesPolicy },
): Promise<ReplyFile[]> {
  const { fileIds, policy } = request;
  if (fileIds.length === 0) return [];
  if (new Set(fileIds).size !== fileIds.length) throw new AppError("BAD_REQUEST", "A file is attached twice");
  if (fileIds.length > policy.maxFiles) {
    throw new AppError("UNSUPPORTED", `This provider takes at most ${policy.maxFiles} file(s) per message`);
  }
  if (request.text !== "" && !policy.withText) {
    throw new AppError("UNSUPPORTED", "This provider sends a file without text: send the text as its own message");
  }
  const rows = await client.outgoingFile.findMany({
    where: { id: { in: fileIds }, chatId: request.chatId, uploadedById: request.userId, messageId: null },
    select: { id: true, fileName: true, mimeType: true, kind: true, size: true },
  });
  if (rows.length !== fileIds.length) {
    throw new AppError("BAD_REQUEST", "An attached file is gone or was already sent: attach it again");
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return fileIds.map((id) => {
    const row = byId.get(id);
    if (!row || (row.kind !== "image" && row.kind !== "file")) throw new AppError("BAD_REQUEST", "Unknown file");
    return { ...row, kind: row.kind };
  });
}

/**
 * Ties the files to the reply's row and shows them in the thread at once (the attachments point
 * at our own links, served from the database until and after the provider has the files).
 */
export async function attachFilesToMessage(tx: DbTransaction, messageId: number, files: ReplyFile[]): Promise<void> {
  if (files.length === 0) return;
  const { count } = await tx.outgoingFile.updateMany({
    where: { id: { in: files.map((file) => file.id) }, messageId: null },
    data: { messageId },
  });
  if (count !== files.length) throw new AppError("CONFLICT", "An attached file was sent meanwhile: attach it again");
  await tx.attachment.createMany({
    data: files.map((file, position) => ({
      messageId,
      position,
      kind: file.kind,
      url: fileLinkFor(file.id),
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.size,
      raw: SENT_BY_INBOX,
    })),
  });
}
