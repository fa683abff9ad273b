"use client";

import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useInvitationLink } from "@/lib/queries/invitation";

/**
 * "Copy invitation link" for chats that have one: the link the provider reported with the chat,
 * or the one it gives on request. Hidden where there is none.
 */
export function InvitationButton({ chat }: { chat: ChatDetail }) {
  const t = useTranslations("thread");
  const canAsk = chat.publicLink === null && chat.capabilities.includes("invitationLink");
  const asked = useInvitationLink(chat.id, canAsk);
  const link = chat.publicLink ?? asked.data?.link ?? null;
  if (!link && !(canAsk && asked.isPending)) return null;

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      toast.success(t("invitationCopied"));
    } catch {
      toast.error(t("invitationCopyFailed"), { description: link });
    }
  };

  return (
    <Button variant="secondary" size="sm" disabled={!link} onClick={() => void copy()}>
      {t("copyInvitation")}
    </Button>
  );
}
