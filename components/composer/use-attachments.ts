"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { useFileSize } from "@/components/ui/use-file-size";
import type { UploadedFile } from "@/lib/outgoing-files/upload.types";
import { judgeOutgoingFile, type OutgoingFilesPolicy } from "@/lib/providers/outgoing-files.types";
import { uploadFile } from "@/lib/queries/uploads";

export type PendingAttachment = {
  localId: number;
  name: string;
  size: number;
  state: "uploading" | "ready" | "failed";
  percent: number;
  error: string | null;
  uploaded: UploadedFile | null;
};

let lastLocalId = 0;

/**
 * The files attached to the reply being written: each is checked against the provider's policy
 * (refused ones never upload, with the reason), then uploaded at once with its progress shown,
 * so Send only names files the server already holds. Cleared when the chat changes.
 */
export function useAttachments(chatId: number, policy: OutgoingFilesPolicy | null) {
  const t = useTranslations("outgoingFiles");
  const fileSize = useFileSize();
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const uploads = useRef(new Map<number, AbortController>());

  const update = (localId: number, change: Partial<PendingAttachment>) =>
    setItems((list) => list.map((item) => (item.localId === localId ? { ...item, ...change } : item)));

  const clear = useCallback(() => {
    for (const controller of uploads.current.values()) controller.abort();
    uploads.current.clear();
    setItems([]);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new chat starts with no files.
  useEffect(() => clear, [chatId, clear]);

  const add = (files: File[]) => {
    if (!policy || files.length === 0) return;
    const room = policy.maxFiles - items.length;
    if (files.length > room) toast.error(t("refused.tooMany", { count: policy.maxFiles }));
    for (const file of files.slice(0, Math.max(0, room))) {
      const verdict = judgeOutgoingFile(policy, { name: file.name, type: file.type, size: file.size });
      if (!verdict.ok) {
        const size = verdict.maxBytes ? fileSize(verdict.maxBytes) : "";
        toast.error(t(`refused.${verdict.reason}`, { name: file.name, size }));
        continue;
      }
      const localId = ++lastLocalId;
      const controller = new AbortController();
      uploads.current.set(localId, controller);
      setItems((list) => [
        ...list,
        { localId, name: file.name, size: file.size, state: "uploading", percent: 0, error: null, uploaded: null },
      ]);
      uploadFile(chatId, file, (percent) => update(localId, { percent }), controller.signal)
        .then((uploaded) => update(localId, { state: "ready", percent: 100, uploaded }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          update(localId, { state: "failed", error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => uploads.current.delete(localId));
    }
  };

  const remove = (localId: number) => {
    uploads.current.get(localId)?.abort();
    setItems((list) => list.filter((item) => item.localId !== localId));
  };

  const ready = items.filter((item) => item.uploaded !== null).map((item) => item.uploaded as UploadedFile);
  return {
    items,
    add,
    remove,
    clear,
    /** Every attached file is uploaded (failed ones must be removed first). */
    allReady: items.every((item) => item.state === "ready"),
    ready,
  };
}
