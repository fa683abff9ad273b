"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

/** What failed, why, and a way to try again. */
export function ErrorState({ title, error, onRetry }: { title: string; error?: unknown; onRetry?: () => void }) {
  const t = useTranslations("common");
  const detail = error instanceof Error ? error.message : null;
  return (
    <div role="alert" className="flex flex-col items-center justify-center gap-2 p-6 text-center">
      <p className="font-medium">{title}</p>
      {detail && <p className="max-w-sm text-slate-600 text-sm dark:text-slate-300">{detail}</p>}
      {onRetry && (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t("retry")}
        </Button>
      )}
    </div>
  );
}
