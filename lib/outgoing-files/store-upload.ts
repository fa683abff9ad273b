import { findVisibleChat } from "@/lib/chats/find-chat";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { outgoingPolicyOf } from "@/lib/outgoing-files/outgoing-policy";
import type { UploadedFile } from "@/lib/outgoing-files/upload.types";
import { judgeOutgoingFile } from "@/lib/providers/outgoing-files.types";

function refusal(verdict: Exclude<ReturnType<typeof judgeOutgoingFile>, { ok: true }>): AppError {
  switch (verdict.reason) {
    case "empty":
      return new AppError("BAD_REQUEST", "The file is empty");
    case "name":
      return new AppError("BAD_REQUEST", "The file needs a name without slashes or control characters");
    case "tooLarge":
      return new AppError("PAYLOAD_TOO_LARGE", "The file is larger than this provider accepts", {
        limitBytes: verdict.maxBytes,
      });
    case "type":
      return new AppError("UNSUPPORTED", "This provider does not accept files of this type");
  }
}

/**
 * Keeps a file an agent attached to a reply in this chat, after the same checks the composer made
 * (the provider's types and sizes), and drops uploads nobody sent within a day.
 */
export async function storeUpload(
  prisma: Db,
  input: { chatId: number; userId: string; name: string; contentType: string | null; bytes: Uint8Array },
): Promise<UploadedFile> {
  const chat = await findVisibleChat(prisma, input.chatId);
  const policy = await outgoingPolicyOf(prisma, chat.connectionId);
  const verdict = judgeOutgoingFile(policy, {
    name: input.name,
    type: input.contentType,
    size: input.bytes.byteLength,
  });
  if (!verdict.ok) throw refusal(verdict);
  // An upload never sent is kept a day (a draft left open over lunch still sends).
  await prisma.$executeRaw`DELETE FROM outgoing_files WHERE message_id IS NULL AND created_at < now() - interval '1 day'`;
  const stored = await prisma.outgoingFile.create({
    data: {
      chatId: chat.id,
      uploadedById: input.userId,
      fileName: input.name.trim(),
      mimeType: verdict.mimeType,
      kind: verdict.kind,
      size: input.bytes.byteLength,
      content: new Uint8Array(input.bytes),
    },
    select: { id: true, fileName: true, mimeType: true, size: true },
  });
  return { ...stored, kind: verdict.kind };
}
