"use client";

import { useTranslations } from "use-intl";
import { useCurrentUser } from "@/components/shell/current-user";
import type { PresenceEntry } from "@/lib/presence/presence.types";
import { othersOn, usePresence } from "@/lib/queries/presence";
import { useStaff } from "@/lib/queries/views";

/** "Olena is viewing", "Olena is typing…": the teammates who have this chat open, live. */
export function PresenceLine({ chatId }: { chatId: number }) {
  const t = useTranslations("presence");
  const me = useCurrentUser();
  const others = usePresence((entries: PresenceEntry[]) => othersOn(entries, chatId, me.id)).data ?? [];
  const staff = useStaff().data;
  const nameOf = (userId: string) => staff?.find((member) => member.id === userId)?.name ?? t("someone");
  const typing = others.filter((other) => other.state === "typing").map((other) => nameOf(other.userId));
  const viewing = others.filter((other) => other.state === "viewing").map((other) => nameOf(other.userId));
  const parts = [
    typing.length > 0 ? t("typing", { names: typing.join(", "), count: typing.length }) : null,
    viewing.length > 0 ? t("viewing", { names: viewing.join(", "), count: viewing.length }) : null,
  ].filter(Boolean);
  return (
    <p role="status" data-testid="presence" className="truncate text-blue-800 text-xs dark:text-blue-300">
      {parts.join(" · ")}
    </p>
  );
}
