"use client";

import { useTranslations } from "use-intl";
import { useTextCombobox } from "@/components/composer/text-combobox";
import { useCurrentUser } from "@/components/shell/current-user";
import type { StaffMember } from "@/lib/assignment/staff";
import { useStaff } from "@/lib/queries/views";

const SHOWN = 8;

/** The name being typed after an `@` at the end of the draft, or null. */
export function mentionQuery(text: string): string | null {
  return /(?:^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text)?.[1]?.toLowerCase() ?? null;
}

/** The teammates a note's text still names (`@Name`), of those picked while writing it. */
export function mentionedIds(text: string, picked: StaffMember[]): string[] {
  return [...new Set(picked.filter((member) => text.includes(`@${member.name}`)).map((member) => member.id))];
}

/**
 * `@` in a note opens the teammates; picking one writes `@Name ` in its place and remembers who
 * it was, so the note reaches their Mentions view.
 */
export function useMentionPicker({
  text,
  setText,
  enabled,
  onMention,
}: {
  text: string;
  setText: (text: string) => void;
  enabled: boolean;
  onMention: (member: StaffMember) => void;
}) {
  const t = useTranslations("composer");
  const me = useCurrentUser();
  const staff = useStaff();
  const query = enabled ? mentionQuery(text) : null;
  const matches =
    query === null
      ? []
      : (staff.data ?? [])
          .filter((member) => member.id !== me.id)
          .filter((member) => member.name.toLowerCase().includes(query) || member.email.startsWith(query))
          .slice(0, SHOWN);
  return useTextCombobox({
    wanted: query !== null,
    text,
    items: matches,
    itemKey: (member) => member.id,
    label: t("mentionPicker"),
    onPick: (member) => {
      setText(`${text.slice(0, text.length - (query?.length ?? 0) - 1)}@${member.name} `);
      onMention(member);
    },
    renderItem: (member) => (
      <>
        <span className="font-medium">{member.name}</span>
        <span className="ms-2 text-slate-600 text-xs dark:text-slate-400">{member.email}</span>
      </>
    ),
    empty: <p className="px-3 py-2 text-slate-600 text-sm dark:text-slate-400">{t("mentionNone")}</p>,
  });
}
