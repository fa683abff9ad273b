"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCloseChat } from "@/lib/queries/close-chat";

/** "Close chat", behind a confirmation; only offered where the provider can close chats. */
export function CloseChatButton({ chatId, title }: { chatId: number; title: string }) {
  const t = useTranslations("thread");
  const common = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  const close = useCloseChat(chatId, {
    onClosed: () => toast.success(t("chatClosed")),
    onFailed: (error) => toast.error(t("closeFailed"), { description: error.message }),
  });
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        {t("closeChat")}
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("closeChatTitle")}>
        <p className="text-sm">{t("closeChatConfirm", { title })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              close.mutate();
            }}
          >
            {t("closeChat")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
