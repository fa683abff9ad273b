"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { NewPasswordField } from "@/components/admin/new-password-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { passwordProblem } from "@/lib/admin/staff/staff.types";
import { apiPatch, apiPost, isApiError } from "@/lib/queries/api";

/** The signed-in person's display name and password. */
export function ProfileForm({ name: initialName, email }: { name: string; email: string }) {
  const t = useTranslations("admin");
  const [name, setName] = useState(initialName);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [pending, setPending] = useState(false);

  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await apiPatch("/api/me/profile", { name });
      toast.success(t("saved"));
    } catch (error) {
      toast.error(t("failed", { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const changePassword = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await apiPost("/api/me/password", { currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      toast.success(t("passwordChanged"));
    } catch (error) {
      const wrong = isApiError(error, 400) && (error.details as { field?: string })?.field === "currentPassword";
      toast.error(wrong ? t("wrongCurrentPassword") : t("failed", { message: String((error as Error).message) }));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="max-w-md space-y-8">
      <h1 className="font-semibold text-xl">{t("profileTitle")}</h1>
      <p className="text-slate-600 text-sm dark:text-slate-300">{email}</p>
      <form onSubmit={(event) => void saveName(event)} className="space-y-3">
        <label className="block space-y-1 text-sm">
          <span>{t("displayName")}</span>
          <Input value={name} required maxLength={100} onChange={(event) => setName(event.target.value)} />
        </label>
        <Button type="submit" disabled={name.trim() === ""}>
          {t("saveName")}
        </Button>
      </form>
      <form onSubmit={(event) => void changePassword(event)} className="space-y-3">
        <h2 className="font-semibold">{t("changePasswordTitle")}</h2>
        <label className="block space-y-1 text-sm">
          <span>{t("currentPassword")}</span>
          <Input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </label>
        <NewPasswordField label={t("newPassword")} value={next} onChange={setNext} />
        <Button type="submit" disabled={pending || current === "" || passwordProblem(next) !== null}>
          {t("changePassword")}
        </Button>
      </form>
    </div>
  );
}
