"use client";

import { toast } from "sonner";
import { useTranslations } from "use-intl";
import type { MenuAction } from "@/components/ui/menu";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useInvitationLink } from "@/lib/queries/invitation";

/**
 * "Copy invitation link" for chats that have one: the link the provider reported with the chat,
 * or the one it gives on request (not choosable until it arrived). None where there is no link.
 */
export function useInvitationAction(chat: ChatDetail): MenuAction | null {
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

  return { key: "invitation", label: t("copyInvitation"), disabled: !link, onSelect: () => void copy() };
}
