"use client";

import Link from "next/link";
import { useTranslations } from "use-intl";
import { useCurrentUser } from "@/components/shell/current-user";

/** For admins, in the thread header: this chat's entries in the audit log. */
export function ChatAuditLink({ chatId }: { chatId: number }) {
  const t = useTranslations("admin");
  if (useCurrentUser().role !== "admin") return null;
  return (
    <Link
      prefetch={false}
      href={`/admin/audit?chat=${chatId}`}
      className="rounded-md px-2 py-1 text-slate-700 text-xs hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {t("navAudit")}
    </Link>
  );
}
