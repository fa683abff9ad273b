"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { useLocale, useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { useSettings, useUpdateSettings } from "@/lib/queries/settings";

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", ru: "Русский" };

/** Language and "mark chats read when I open them", saved to the agent's profile. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("settings");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")}>
      <SettingsForm />
    </Dialog>
  );
}

function SettingsForm() {
  const t = useTranslations("settings");
  const locale = useLocale();
  const router = useRouter();
  const settings = useSettings();
  const update = useUpdateSettings();
  const [switching, startSwitching] = useTransition();
  const languageId = useId();
  const autoReadId = useId();
  const fail = (error: Error) => toast.error(t("saveFailed"), { description: error.message });
  // Component state, not the mutation's: React sets a controlled checkbox back to its rendered
  // value right after the click, and the mutation's state arrives a tick later, so the box would
  // flicker back. The saved (or rolled back) settings take over once the request settles.
  const [choice, setChoice] = useState<boolean | null>(null);
  const autoMarkRead = choice ?? settings.data?.autoMarkRead;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={languageId} className="block font-medium text-sm">
          {t("language")}
        </label>
        <Select
          id={languageId}
          value={locale}
          disabled={switching}
          onChange={(event) => {
            const next = event.target.value;
            if (!isLocale(next)) return;
            // The server remembers the choice (profile and cookie); a refresh renders every text in it.
            update.mutate({ locale: next }, { onSuccess: () => startSwitching(() => router.refresh()), onError: fail });
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-start gap-2">
        <input
          id={autoReadId}
          type="checkbox"
          className="mt-0.5 size-4"
          checked={autoMarkRead ?? true}
          disabled={!settings.data}
          onChange={(event) => {
            setChoice(event.target.checked);
            update.mutate({ autoMarkRead: event.target.checked }, { onError: fail, onSettled: () => setChoice(null) });
          }}
        />
        <label htmlFor={autoReadId} className="text-sm">
          <span className="block font-medium">{t("autoMarkRead")}</span>
          <span className="block text-slate-600 dark:text-slate-400">{t("autoMarkReadHint")}</span>
        </label>
      </div>
    </div>
  );
}
