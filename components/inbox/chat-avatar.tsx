"use client";

import { useState } from "react";
import { ProviderIcon } from "@/components/inbox/provider-icon";
import { safeHttpUrl } from "@/components/thread/safe-url";
import type { ProviderKind } from "@/lib/providers/types";
import { chatAvatarPath } from "@/lib/queries/media";

/** The first letters (or digits) of the first two words: "[Решено] Доставка" → "РД". */
function initials(title: string): string {
  return (title.match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, 2)
    .map((word) => Array.from(word)[0]?.toUpperCase() ?? "")
    .join("");
}

/** The chat's picture (or its initials) with the provider's mark in the corner. Decorative: the title names the chat. */
export function ChatAvatar({
  chatId,
  title,
  avatarUrl,
  kind,
  dimmed = false,
}: {
  chatId: number;
  title: string;
  avatarUrl: string | null;
  kind: ProviderKind | undefined;
  dimmed?: boolean;
}) {
  const [broken, setBroken] = useState(false);
  // Through the inbox (app/api/media): the browser never contacts the provider's host.
  const checked = broken ? null : safeHttpUrl(avatarUrl);
  const src = checked ? chatAvatarPath(chatId, checked) : null;
  return (
    <span aria-hidden="true" className={`relative inline-block size-9 shrink-0 ${dimmed ? "grayscale" : ""}`}>
      {src ? (
        // biome-ignore lint/performance/noImgElement: already served by the inbox's media route
        <img
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setBroken(true)}
          // A picture that failed before hydration fired its error event before React listened.
          ref={(image) => {
            if (image?.complete && image.naturalWidth === 0) setBroken(true);
          }}
          className="size-9 rounded-full bg-slate-200 object-cover dark:bg-slate-800"
        />
      ) : (
        <span className="flex size-9 items-center justify-center rounded-full bg-slate-200 font-semibold text-slate-700 text-sm dark:bg-slate-700 dark:text-slate-200">
          {initials(title)}
        </span>
      )}
      <ProviderIcon kind={kind} className="absolute -right-1 -bottom-1 size-4 ring-2 ring-white dark:ring-slate-950" />
    </span>
  );
}
