/**
 * Attachments of the "Telegram" bridge: MessageStructDto.Attachments is a list of strings the
 * seed calls file names (docs/providers/seeds/000_62f7899ae3925019.txt, docs/providers/tgbridge.md).
 * The documents give no URL, size or type, so the kind and MIME type are guessed from the
 * extension and the URL stays null; an entry that is itself an absolute http(s) URL is used
 * as the URL too.
 */
import { normalizedAttachment } from "@/lib/providers/attachment";
import type { AttachmentKind, NormalizedAttachment } from "@/lib/providers/types";

type FileType = { kind: AttachmentKind; mimeType: string };

const BY_EXTENSION: Record<string, FileType> = {
  jpg: { kind: "image", mimeType: "image/jpeg" },
  jpeg: { kind: "image", mimeType: "image/jpeg" },
  png: { kind: "image", mimeType: "image/png" },
  webp: { kind: "image", mimeType: "image/webp" },
  heic: { kind: "image", mimeType: "image/heic" },
  bmp: { kind: "image", mimeType: "image/bmp" },
  svg: { kind: "image", mimeType: "image/svg+xml" },
  gif: { kind: "animation", mimeType: "image/gif" },
  tgs: { kind: "sticker", mimeType: "application/x-tgsticker" },
  mp4: { kind: "video", mimeType: "video/mp4" },
  mov: { kind: "video", mimeType: "video/quicktime" },
  webm: { kind: "video", mimeType: "video/webm" },
  avi: { kind: "video", mimeType: "video/x-msvideo" },
  mkv: { kind: "video", mimeType: "video/x-matroska" },
  // Telegram voice notes are Opus in an Ogg container.
  ogg: { kind: "voice", mimeType: "audio/ogg" },
  oga: { kind: "voice", mimeType: "audio/ogg" },
  opus: { kind: "voice", mimeType: "audio/opus" },
  mp3: { kind: "audio", mimeType: "audio/mpeg" },
  m4a: { kind: "audio", mimeType: "audio/mp4" },
  wav: { kind: "audio", mimeType: "audio/wav" },
  flac: { kind: "audio", mimeType: "audio/flac" },
  pdf: { kind: "file", mimeType: "application/pdf" },
  doc: { kind: "file", mimeType: "application/msword" },
  docx: { kind: "file", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xls: { kind: "file", mimeType: "application/vnd.ms-excel" },
  xlsx: { kind: "file", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  txt: { kind: "file", mimeType: "text/plain" },
  csv: { kind: "file", mimeType: "text/csv" },
  zip: { kind: "file", mimeType: "application/zip" },
};

/** A malformed escape (`x%E0.jpg`) keeps the name as sent: one odd name must not fail the whole sync. */
function decodedOrRaw(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fileNameOf(entry: string, url: URL | null): string {
  if (!url) return entry;
  const last = url.pathname.split("/").pop() ?? "";
  return last === "" ? entry : decodedOrRaw(last);
}

function absoluteUrl(entry: string): URL | null {
  if (!/^https?:\/\//i.test(entry)) return null;
  try {
    return new URL(entry);
  } catch {
    return null;
  }
}

export function attachmentFromFileName(entry: string): NormalizedAttachment {
  const url = absoluteUrl(entry.trim());
  const fileName = fileNameOf(entry.trim(), url);
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const type = BY_EXTENSION[extension];
  return normalizedAttachment(type?.kind ?? "file", entry, {
    url: url ? url.href : null,
    fileName,
    mimeType: type?.mimeType ?? null,
  });
}
