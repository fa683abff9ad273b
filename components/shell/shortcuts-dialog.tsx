"use client";

import { useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";

const SHORTCUTS = [
  ["j", "next"],
  ["k", "previous"],
  ["/", "search"],
  ["r", "reply"],
  ["u", "unread"],
  ["a", "assignToMe"],
  ["Enter", "send"],
  ["Shift + Enter", "newline"],
  ["/ word", "savedReply"],
  ["Esc", "cancel"],
  ["?", "help"],
] as const;

/** The list of keyboard shortcuts (opened with `?`). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("shortcuts");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")}>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {keys}
              </kbd>
            </dt>
            <dd>{t(action)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
