"use client";

import { useTranslations } from "use-intl";
import type { PendingAttachment } from "@/components/composer/use-attachments";
import { useFileSize } from "@/components/ui/use-file-size";

/** The reply's files above the field: name, size, upload progress or failure, and a remove button. */
export function AttachmentChips({
  items,
  onRemove,
}: {
  items: PendingAttachment[];
  onRemove: (localId: number) => void;
}) {
  const t = useTranslations("outgoingFiles");
  const fileSize = useFileSize();
  if (items.length === 0) return null;
  return (
    <ul aria-label={t("attach")} className="mb-2 flex flex-wrap gap-2">
      {items.map((item) => (
        <li
          key={item.localId}
          className={`flex max-w-full items-center gap-2 rounded-md border px-2 py-1 text-sm ${
            item.state === "failed"
              ? "border-red-400 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
              : "border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900"
          }`}
        >
          <span className="min-w-0 truncate font-medium">{item.name}</span>
          <span className="shrink-0 text-slate-600 text-xs dark:text-slate-400">{fileSize(item.size)}</span>
          <span role="status" className="shrink-0 text-xs">
            {item.state === "uploading"
              ? t("uploading", { percent: item.percent })
              : item.state === "ready"
                ? t("uploaded")
                : t("uploadFailed", { reason: item.error ?? "" })}
          </span>
          {item.state === "uploading" && (
            <progress className="h-1.5 w-16" max={100} value={item.percent} aria-hidden="true" />
          )}
          <button
            type="button"
            aria-label={t("remove", { name: item.name })}
            onClick={() => onRemove(item.localId)}
            className="-my-1 flex size-7 shrink-0 items-center justify-center rounded hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 touch:size-11 dark:hover:bg-slate-700"
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
