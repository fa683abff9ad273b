"use client";

import { useTranslations } from "use-intl";
import { Input } from "@/components/ui/input";
import { passwordProblem, passwordStrength } from "@/lib/admin/staff/staff.types";

/** A new password with the rules and a strength hint, checked as it is typed (the server checks again). */
export function NewPasswordField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("admin");
  const problem = value === "" ? null : passwordProblem(value);
  const problemText = {
    tooShort: t("passwordTooShort"),
    tooLong: t("passwordTooLong"),
    common: t("passwordCommon"),
  };
  const strength = passwordStrength(value);
  const colors = ["bg-red-500", "bg-amber-500", "bg-lime-500", "bg-emerald-600"];
  return (
    <label className="block space-y-1 text-sm">
      <span>{label}</span>
      <Input
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={value}
        aria-invalid={problem !== null}
        aria-describedby="password-hint"
        onChange={(event) => onChange(event.target.value)}
      />
      <span id="password-hint" className="block text-slate-600 dark:text-slate-300" aria-live="polite">
        {problem ? problemText[problem] : value ? t(`strength${strength}`) : t("passwordRules")}
      </span>
      {value && (
        <span className="flex gap-1" aria-hidden="true">
          {[0, 1, 2, 3].map((step) => (
            <span
              key={step}
              className={`h-1 flex-1 rounded ${step <= strength && !problem ? colors[strength] : "bg-slate-200 dark:bg-slate-700"}`}
            />
          ))}
        </span>
      )}
    </label>
  );
}
