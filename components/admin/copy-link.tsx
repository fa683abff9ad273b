"use client";

import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { StaffLinkIssued } from "@/lib/admin/staff/staff.types";

/** A one-time link shown once, with a Copy button (as for chat invitation links). */
export function CopyLink({ link, name }: { link: StaffLinkIssued; name: string }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      toast.success(t("linkCopied"));
    } catch {
      toast.error(t("copyFailed"), { description: link.url });
    }
  };
  return (
    <section
      aria-label={t("linkFor", { name })}
      className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
    >
      <p className="font-medium">{t("linkFor", { name })}</p>
      <div className="flex items-center gap-2">
        <input
          readOnly
          value={link.url}
          aria-label={t("linkFor", { name })}
          data-testid="staff-link"
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        />
        <Button size="sm" onClick={() => void copy()}>
          {t("copyLink")}
        </Button>
      </div>
      <p className="text-slate-600 dark:text-slate-300">
        {t("linkValidUntil", {
          date: format.dateTime(new Date(link.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
        })}
      </p>
    </section>
  );
}
