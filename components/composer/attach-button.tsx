"use client";

import { useId, useRef } from "react";
import { useTranslations } from "use-intl";
import { useFileSize } from "@/components/ui/use-file-size";
import type { OutgoingFilesPolicy, OutgoingFilesSupport } from "@/lib/providers/outgoing-files.types";

const PAPERCLIP =
  "M16.5 6.5v8.3a4.5 4.5 0 0 1-9 0V5.8a3 3 0 0 1 6 0v8.7a1.5 1.5 0 0 1-3 0V6.5h-1.5v8a3 3 0 0 0 6 0V5.8a4.5 4.5 0 0 0-9 0v9a6 6 0 0 0 12 0V6.5z";

/** The provider's limits in words: "Attach pictures (JPEG, PNG) up to 5 MB, other files up to 20 MB; 1 file per message." */
export function usePolicyWords() {
  const t = useTranslations("outgoingFiles");
  const fileSize = useFileSize();
  return (policy: OutgoingFilesPolicy) => {
    const rules = policy.rules.map((rule) => {
      const size = fileSize(rule.maxBytes);
      if (rule.mimeTypes === "any") return t(policy.rules.length > 1 ? "otherFiles" : "anyFiles", { size });
      const types = rule.mimeTypes.map((type) => type.split("/")[1]?.toUpperCase() ?? type).join(", ");
      return t("pictures", { types, size });
    });
    const limits = t("limits", { rules: rules.join(", "), count: policy.maxFiles });
    return policy.withText ? limits : `${limits} ${t("textSeparately")}`;
  };
}

/**
 * The paperclip where the chat's provider can send files (its tooltip states the limits); where it
 * cannot, no button: a crossed paperclip whose tooltip says why.
 */
export function AttachButton({
  support,
  disabled,
  onFiles,
}: {
  support: OutgoingFilesSupport;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  const t = useTranslations("outgoingFiles");
  const policyWords = usePolicyWords();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  if (!("policy" in support)) {
    const reason = t(`unavailable.${support.unavailable}`);
    return (
      <span
        role="img"
        aria-label={reason}
        title={reason}
        data-testid="files-unavailable"
        className="flex size-10 shrink-0 items-center justify-center text-slate-400 dark:text-slate-600"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="currentColor">
          <path d={PAPERCLIP} />
          <path d="M3 3.7 4.4 2.3l17.3 17.3-1.4 1.4z" />
        </svg>
      </span>
    );
  }
  const { policy } = support;
  const accept = policy.rules.some((rule) => rule.mimeTypes === "any")
    ? undefined
    : policy.rules.flatMap((rule) => (rule.mimeTypes === "any" ? [] : rule.mimeTypes)).join(",");
  const limits = policyWords(policy);
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        title={`${t("attach")}. ${limits}`}
        aria-label={t("attach")}
        aria-describedby={hintId}
        onClick={() => input.current?.click()}
        className="flex size-10 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-50 touch:size-11 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="currentColor">
          <path d={PAPERCLIP} />
        </svg>
      </button>
      <span id={hintId} className="sr-only">
        {limits}
      </span>
      <input
        ref={input}
        type="file"
        hidden
        multiple={policy.maxFiles > 1}
        accept={accept}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
    </>
  );
}
