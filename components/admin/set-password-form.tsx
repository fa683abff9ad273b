"use client";

import { type FormEvent, useState } from "react";
import { useTranslations } from "use-intl";
import { NewPasswordField } from "@/components/admin/new-password-field";
import { Button } from "@/components/ui/button";
import { passwordProblem } from "@/lib/admin/staff/staff.types";
import { apiPost } from "@/lib/queries/api";

/** Chooses the password for a one-time link, then opens the inbox signed in. */
export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("admin");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passwordProblem(password) !== null) return;
    setPending(true);
    setError(null);
    try {
      await apiPost("/api/set-password", { token, password });
      window.location.assign("/");
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4">
      <NewPasswordField label={t("newPassword")} value={password} onChange={setPassword} />
      {error && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending || passwordProblem(password) !== null}>
        {t("setPasswordSubmit")}
      </Button>
    </form>
  );
}
