/**
 * The URL when it is an absolute http(s) URL, else null. Provider data decides what we link to
 * and show, so nothing else (javascript:, data:, file:, relative paths) may become a link or an image.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
