import { memo } from "react";
import { tokenizeText } from "@/components/thread/linkify";

/**
 * A provider's text as text: React escapes it, and only http(s) URLs become links (never
 * javascript: or data:). Links open in a new tab without handing over this page.
 */
export const MessageText = memo(function MessageText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <p className={`whitespace-pre-wrap break-words [overflow-wrap:anywhere] ${className}`}>
      {tokenizeText(text).map((token, index) =>
        token.type === "link" ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens of one text never reorder
            key={index}
            href={token.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="underline decoration-1 underline-offset-2 hover:decoration-2"
          >
            {token.text}
          </a>
        ) : (
          token.text
        ),
      )}
    </p>
  );
});
