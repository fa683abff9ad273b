import { safeHttpUrl } from "@/components/thread/safe-url";

export type TextToken = { type: "text"; text: string } | { type: "link"; text: string; href: string };

const URL_CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,:;!?'"»…]+$/;

/** Drops sentence punctuation after a URL, and a closing bracket that closes text around it, not the URL. */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, "");
  for (const [open, close] of [
    ["(", ")"],
    ["[", "]"],
  ] as const) {
    while (url.endsWith(close) && url.split(open).length < url.split(close).length) {
      url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
    }
  }
  return url;
}

/**
 * Splits message text into plain text and links. Only absolute http(s) URLs become links;
 * everything else, markup included, stays text that React renders as text.
 */
export function tokenizeText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let plainFrom = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const candidate = trimUrl(match[0]);
    const href = safeHttpUrl(candidate);
    if (!href) continue;
    if (start > plainFrom) tokens.push({ type: "text", text: text.slice(plainFrom, start) });
    tokens.push({ type: "link", text: candidate, href });
    plainFrom = start + candidate.length;
  }
  if (plainFrom < text.length) tokens.push({ type: "text", text: text.slice(plainFrom) });
  return tokens;
}
