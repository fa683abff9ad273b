"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";

type Failure = "invalid" | "tooMany" | "failed";

export function LoginForm({ next, defaultEmail }: { next: string; defaultEmail?: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(null);
    try {
      const { error } = await authClient.signIn.email({
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!error) {
        router.replace(next);
        router.refresh();
        return;
      }
      setFailure(
        error.status === 429 ? "tooMany" : error.status === 401 || error.status === 400 ? "invalid" : "failed",
      );
    } catch {
      setFailure("failed");
    }
    setPending(false);
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium text-sm">
          {t("email")}
        </label>
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={defaultEmail} />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium text-sm">
          {t("password")}
        </label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {failure && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {t(failure)}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
