"use client";

import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCloseChat } from "@/lib/queries/close-chat";

/** The confirmation behind "Close chat" (only offered where the provider can close chats). */
export function CloseChatDialog({
  chatId,
  title,
  open,
  onClose,
}: {
  chatId: number;
  title: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("thread");
  const common = useTranslations("common");
  const close = useCloseChat(chatId, {
    onClosed: () => toast.success(t("chatClosed")),
    onFailed: (error) => toast.error(t("closeFailed"), { description: error.message }),
  });
  return (
    <Dialog open={open} onClose={onClose} title={t("closeChatTitle")}>
      <p className="text-sm">{t("closeChatConfirm", { title })}</p>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {common("cancel")}
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            onClose();
            close.mutate();
          }}
        >
          {t("closeChat")}
        </Button>
      </div>
    </Dialog>
  );
}
