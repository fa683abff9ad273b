/** ASCII-safe `Content-Disposition` with the original name for clients that read `filename*`. */
export function disposition(kind: "inline" | "attachment", fileName: string | null): string {
  if (!fileName) return kind;
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * What every file the inbox serves carries: opened on its own (a new tab), it can run nothing, an
 * SVG's scripts included, and its type is never sniffed.
 */
export const INERT_FILE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy":
    "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  "referrer-policy": "no-referrer",
} as const;
