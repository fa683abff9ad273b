"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { useLocale, useTranslations } from "use-intl";
import { useTheme } from "@/components/theme-provider";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { THEMES } from "@/lib/me/theme";
import { useSettings, useUpdateSettings } from "@/lib/queries/settings";

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", ru: "Русский" };

/** Language, theme, "mark chats read when I open them" and notifications, saved to the agent's profile. */
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
  const update = useUpdateSettings();
  const [switching, startSwitching] = useTransition();
  const languageId = useId();
  const fail = (error: Error) => toast.error(t("saveFailed"), { description: error.message });

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
      <ThemeChoice onError={fail} />
      <SettingSwitch setting="autoMarkRead" label={t("autoMarkRead")} hint={t("autoMarkReadHint")} onError={fail} />
      <DesktopNotificationsSwitch onError={fail} />
      <SettingSwitch setting="notifySound" label={t("notifySound")} hint={t("notifySoundHint")} onError={fail} />
    </div>
  );
}

type SwitchSetting = "autoMarkRead" | "notifyDesktop" | "notifySound";

/** One on/off preference: shown at once, saved to the profile, put back if saving fails. */
function SettingSwitch({
  setting,
  label,
  hint,
  onError,
  beforeTurningOn,
  unavailable,
}: {
  setting: SwitchSetting;
  label: string;
  hint: string;
  onError: (error: Error) => void;
  /** Runs before saving "on"; false keeps it off (a refused browser permission). */
  beforeTurningOn?: () => Promise<boolean>;
  unavailable?: boolean;
}) {
  const settings = useSettings();
  const update = useUpdateSettings();
  const id = useId();
  // Component state, not the mutation's: React sets a controlled checkbox back to its rendered
  // value right after the click, and the mutation's state arrives a tick later, so the box would
  // flicker back. The saved (or rolled back) settings take over once the request settles.
  const [choice, setChoice] = useState<boolean | null>(null);
  const checked = choice ?? settings.data?.[setting] ?? false;
  const save = async (on: boolean) => {
    setChoice(on);
    if (on && beforeTurningOn && !(await beforeTurningOn())) {
      setChoice(null);
      return;
    }
    update.mutate({ [setting]: on }, { onError, onSettled: () => setChoice(null) });
  };
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 touch:size-6"
        checked={checked}
        disabled={!settings.data || unavailable}
        onChange={(event) => void save(event.target.checked)}
      />
      <label htmlFor={id} className="text-sm">
        <span className="block font-medium">{label}</span>
        <span className="block text-slate-600 dark:text-slate-400">{hint}</span>
      </label>
    </div>
  );
}

/** Browser notifications: the browser is asked for permission only when the agent turns them on. */
function DesktopNotificationsSwitch({ onError }: { onError: (error: Error) => void }) {
  const t = useTranslations("settings");
  const [blocked, setBlocked] = useState(false);
  const supported = typeof window === "undefined" || "Notification" in window;
  const askPermission = async () => {
    const permission =
      Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    setBlocked(permission !== "granted");
    return permission === "granted";
  };
  const hint = !supported ? t("notifyUnsupported") : blocked ? t("notifyBlocked") : t("notifyDesktopHint");
  return (
    <SettingSwitch
      setting="notifyDesktop"
      label={t("notifyDesktop")}
      hint={hint}
      onError={onError}
      beforeTurningOn={askPermission}
      unavailable={!supported}
    />
  );
}

/** System, light or dark: applied at once, saved to the profile, put back if saving fails. */
function ThemeChoice({ onError }: { onError: (error: Error) => void }) {
  const t = useTranslations("settings");
  const { theme, setTheme } = useTheme();
  const update = useUpdateSettings();
  const name = useId();
  const hintId = useId();
  return (
    <fieldset className="space-y-1" aria-describedby={hintId}>
      <legend className="font-medium text-sm">{t("theme")}</legend>
      <div className="grid grid-cols-3 gap-1 rounded-md border border-slate-300 p-1 dark:border-slate-700">
        {THEMES.map((choice) => (
          <label
            key={choice}
            className="relative flex min-h-9 cursor-pointer items-center justify-center rounded px-2 text-sm has-checked:bg-blue-700 has-checked:font-medium has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-blue-500 touch:min-h-11 dark:has-checked:bg-blue-400 dark:has-checked:text-slate-950"
          >
            <input
              type="radio"
              name={name}
              value={choice}
              checked={theme === choice}
              onChange={() => {
                const previous = theme;
                setTheme(choice);
                update.mutate(
                  { theme: choice },
                  {
                    onError: (error) => {
                      setTheme(previous);
                      onError(error);
                    },
                  },
                );
              }}
              // Invisible over the whole choice, so a click or tap anywhere on it picks it.
              className="absolute inset-0 cursor-pointer appearance-none rounded outline-none"
            />
            {t(`themes.${choice}`)}
          </label>
        ))}
      </div>
      <p id={hintId} className="text-slate-600 text-xs dark:text-slate-400">
        {t("themeHint")}
      </p>
    </fieldset>
  );
}
