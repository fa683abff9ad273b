"use client";

import { useTranslations } from "use-intl";
import { useCurrentUser } from "@/components/shell/current-user";
import type { PresenceEntry } from "@/lib/presence/presence.types";
import { othersOn, usePresence } from "@/lib/queries/presence";
import { useStaff } from "@/lib/queries/views";

/** A small eye on a list row while a teammate has the chat open; their names on hover and for screen readers. */
export function PresenceMarker({ chatId }: { chatId: number }) {
  const t = useTranslations("presence");
  const me = useCurrentUser();
  const others = usePresence((entries: PresenceEntry[]) =>
    othersOn(entries, chatId, me.id)
      .map((other) => other.userId)
      .join(","),
  ).data;
  const staff = useStaff().data;
  if (!others) return null;
  const ids = others.split(",");
  const names = ids.map((id) => staff?.find((member) => member.id === id)?.name ?? t("someone")).join(", ");
  const label = t("rowMarker", { names, count: ids.length });
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid="presence-marker"
      className="text-blue-700 dark:text-blue-300"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
        <path d="M10 4C5.5 4 2 10 2 10s3.5 6 8 6 8-6 8-6-3.5-6-8-6m0 10a4 4 0 1 1 0-8 4 4 0 0 1 0 8m0-6a2 2 0 1 0 0 4 2 2 0 0 0 0-4" />
      </svg>
    </span>
  );
}
