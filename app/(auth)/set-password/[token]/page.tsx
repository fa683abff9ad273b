import Link from "next/link";
import { SetPasswordForm } from "@/components/admin/set-password-form";
import { inspectStaffLink } from "@/lib/admin/staff/staff-links";
import { db } from "@/lib/db";
import { serverTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** Opened from an invitation or reset link: the password form, or a plain page saying why not. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await serverTranslator("admin");
  const link = token.length <= 200 ? await inspectStaffLink(db(), token) : ({ state: "unknown" } as const);
  return (
    <main className="flex min-h-full items-center justify-center bg-slate-50 px-4 py-12 dark:bg-slate-900">
      <div className="w-full max-w-sm space-y-4">
        {link.state === "valid" ? (
          <>
            <h1 className="text-center font-semibold text-2xl">{t("setPasswordTitle")}</h1>
            <p className="text-center text-slate-600 text-sm dark:text-slate-300">
              {t("setPasswordIntro", { name: link.name, email: link.email })}
            </p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <div className="space-y-3 text-center" data-testid={`link-${link.state}`}>
            <h1 className="font-semibold text-2xl">
              {{ expired: t("linkExpiredTitle"), used: t("linkUsedTitle"), unknown: t("linkUnknownTitle") }[link.state]}
            </h1>
            <p className="text-slate-600 dark:text-slate-300">
              {{ expired: t("linkExpiredText"), used: t("linkUsedText"), unknown: t("linkUnknownText") }[link.state]}
            </p>
            <Link href="/login" className="inline-block text-blue-700 underline dark:text-blue-400">
              {t("goToSignIn")}
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
