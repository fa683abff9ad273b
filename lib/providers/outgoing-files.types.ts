/**
 * What a provider accepts as a file in an agent's reply, from its documents (browser-safe: the
 * composer refuses a file before uploading it, and the server checks again before queuing it).
 */
import type { Messages } from "@/lib/i18n/en";

/** How a provider is given the file: as a picture (shown inline) or as a document. */
export type OutgoingFileKind = "image" | "file";

export type OutgoingFileRule = {
  kind: OutgoingFileKind;
  /** Exact media types (`image/png`), or "any" for every type not taken by an earlier rule. */
  mimeTypes: readonly string[] | "any";
  maxBytes: number;
};

export type OutgoingFilesPolicy = {
  /** Tried in order; the first whose types match decides the kind and the size limit. */
  rules: readonly OutgoingFileRule[];
  /** Files per message. */
  maxFiles: number;
  /** Whether a message may carry text beside its files (else the text goes as its own message). */
  withText: boolean;
  /** The provider is given a link and downloads the file from the inbox (so it must reach the inbox). */
  downloadsFromInbox: boolean;
};

/** A translation key under `outgoingFiles.unavailable`: why a provider's chats take no files. */
export type NoFilesReason = keyof Messages["outgoingFiles"]["unavailable"];

export type OutgoingFilesSupport = { policy: OutgoingFilesPolicy } | { unavailable: NoFilesReason };

/** The largest file any provider takes, and so the upload route's body limit. */
export const MAX_OUTGOING_FILE_BYTES = 20 * 1024 * 1024;

/** The longest file name kept (longer ones are refused, as most file systems would). */
export const MAX_FILE_NAME_LENGTH = 255;

export type FileVerdict =
  | { ok: true; kind: OutgoingFileKind; mimeType: string }
  | { ok: false; reason: "empty" | "tooLarge" | "type" | "name"; maxBytes?: number };

/** The media type we go by: the browser's, else a generic one. */
export function mediaTypeOf(declared: string | null | undefined): string {
  const type = (declared ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : "application/octet-stream";
}

/** Slashes (a path, not a name) and control characters. */
function unusableInName(character: string): boolean {
  return character === "/" || character === "\\" || (character.codePointAt(0) ?? 0) < 0x20;
}

/** Whether the provider would take this file, and as what. */
export function judgeOutgoingFile(
  policy: OutgoingFilesPolicy,
  file: { name: string; type: string | null; size: number },
): FileVerdict {
  const name = file.name.trim();
  if (name === "" || name.length > MAX_FILE_NAME_LENGTH || [...name].some(unusableInName)) {
    return { ok: false, reason: "name" };
  }
  if (file.size <= 0) return { ok: false, reason: "empty" };
  const mimeType = mediaTypeOf(file.type);
  const rule = policy.rules.find(
    (candidate) => candidate.mimeTypes === "any" || candidate.mimeTypes.includes(mimeType),
  );
  if (!rule) return { ok: false, reason: "type" };
  if (file.size > rule.maxBytes) return { ok: false, reason: "tooLarge", maxBytes: rule.maxBytes };
  return { ok: true, kind: rule.kind, mimeType };
}
