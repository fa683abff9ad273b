import Link from "next/link";
import type { ReactNode } from "react";
import { SignOut } from "@/components/admin/sign-out";
import { OutageBanner } from "@/components/alerts/outage-banner";
import { serverTranslator } from "@/lib/i18n/server";

/** The frame of the admin and profile pages: where you are, the way back to the inbox, and sign-out. */
export async function AdminFrame({ isAdmin, children }: { isAdmin: boolean; children: ReactNode }) {
  const t = await serverTranslator("admin");
  const shell = await serverTranslator("shell");
  const link = "rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800";
  return (
    <div className="flex min-h-full flex-col">
      <header className="flex h-12 shrink-0 items-center justify-between gap-3 border-slate-200 border-b px-4 dark:border-slate-800">
        <nav aria-label={t("title")} className="flex flex-wrap items-center gap-1 text-sm">
          <Link className={`${link} font-semibold`} href="/">
            {t("navInbox")}
          </Link>
          {isAdmin && (
            <>
              <Link className={link} href="/admin/staff">
                {t("navStaff")}
              </Link>
              <Link className={link} href="/admin/connections">
                {t("navConnections")}
              </Link>
              <Link className={link} href="/admin/audit">
                {t("navAudit")}
              </Link>
            </>
          )}
          <Link className={link} href="/replies">
            {t("navReplies")}
          </Link>
          <Link className={link} href="/profile">
            {t("navProfile")}
          </Link>
        </nav>
        <SignOut label={shell("signOut")} />
      </header>
      {isAdmin && <OutageBanner />}
      <main className="mx-auto w-full max-w-5xl flex-1 p-4">{children}</main>
    </div>
  );
}
