import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type FetchedMedia, fetchMedia } from "@/lib/media/fetch-media";
import { disposition, INERT_FILE_HEADERS } from "@/lib/media/file-headers";
import { fileIdOfLink } from "@/lib/outgoing-files/file-link";
import { serveStoredFile } from "@/lib/outgoing-files/serve-file";

/** Shown in the page as pictures and players; everything else is only ever downloaded. */
const INLINE_TYPES =
  /^(image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|svg\+xml)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

type Source = { url: string | null; providerOrigin: string; fileName: string | null; mimeType: string | null };

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return "null";
  }
}

function toResponse(media: FetchedMedia, source: Source): Response {
  const declared = (media.contentType ?? source.mimeType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const inline = INLINE_TYPES.test(declared);
  const headers = new Headers({
    "content-type": inline ? declared : "application/octet-stream",
    "content-disposition": disposition(inline ? "inline" : "attachment", source.fileName),
    ...INERT_FILE_HEADERS,
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "private, max-age=3600",
    "accept-ranges": "bytes",
  });
  if (media.contentLength !== null) headers.set("content-length", String(media.contentLength));
  if (media.contentRange) headers.set("content-range", media.contentRange);
  return new Response(media.body, { status: media.status, headers });
}

async function serve(source: Source | null, range: string | null): Promise<Response> {
  if (!source?.url) throw new AppError("NOT_FOUND", "There is no such file");
  const media = await fetchMedia(source.url, { providerOrigin: source.providerOrigin, range });
  return toResponse(media, source);
}

/** A message attachment's file, fetched from its provider under the media policy (lib/media/fetch-media.ts). */
export async function serveAttachment(prisma: Db, attachmentId: number, range: string | null): Promise<Response> {
  const attachment = await prisma.attachment.findFirst({
    where: { id: attachmentId, message: { chat: { connection: { enabled: true } } } },
    select: {
      url: true,
      fileName: true,
      mimeType: true,
      message: { select: { chat: { select: { connection: true } } } },
    },
  });
  // A file an agent sent is served from where we keep it, whoever's URL the provider echoes back.
  const ownFile = attachment?.url ? fileIdOfLink(attachment.url) : null;
  if (ownFile) return serveStoredFile(prisma, ownFile);
  return serve(
    attachment && {
      url: attachment.url,
      fileName: attachment.fileName,
      mimeType: attachment.mimeType,
      providerOrigin: originOf(attachment.message.chat.connection.baseUrl),
    },
    range,
  );
}

/** A chat's picture, fetched from its provider under the media policy. */
export async function serveChatAvatar(prisma: Db, chatId: number): Promise<Response> {
  const chat = await prisma.chat.findFirst({
    where: { id: chatId, connection: { enabled: true } },
    select: { avatarUrl: true, connection: { select: { baseUrl: true } } },
  });
  return serve(
    chat && { url: chat.avatarUrl, fileName: null, mimeType: null, providerOrigin: originOf(chat.connection.baseUrl) },
    null,
  );
}
