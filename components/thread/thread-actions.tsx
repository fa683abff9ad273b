"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { CloseChatDialog } from "@/components/thread/close-chat-dialog";
import { useInvitationAction } from "@/components/thread/invitation-action";
import { ParticipantsDialog, ParticipantsLabel } from "@/components/thread/participants-panel";
import { useReadStateAction } from "@/components/thread/read-state-action";
import {
  AssignDialog,
  SnoozeDialog,
  useWorkflowActions,
  type WorkflowDialog,
} from "@/components/thread/workflow-actions";
import { Button } from "@/components/ui/button";
import { Menu, type MenuAction, MoreIcon } from "@/components/ui/menu";
import type { ChatDetail } from "@/lib/chats/get-chat";

/**
 * What can be done with the open chat, exactly what its provider supports: buttons on a wide
 * screen, folded into one menu on a phone. A new action is one more entry in `actions`.
 */
export function ThreadActions({ chat, onMarkedUnread }: { chat: ChatDetail; onMarkedUnread: () => void }) {
  const t = useTranslations("thread");
  const [dialog, setDialog] = useState<"participants" | "close" | WorkflowDialog | null>(null);
  const closeDialog = () => setDialog(null);
  const can = (capability: ChatDetail["capabilities"][number]) => chat.capabilities.includes(capability);
  const readState = useReadStateAction(chat, onMarkedUnread);
  const invitation = useInvitationAction(chat);
  const workflow = useWorkflowActions(chat, setDialog);
  const showParticipants = can("listParticipants") && chat.kind !== "dialog";
  const canClose = can("closeChat") && chat.status === "open";

  const actions: MenuAction[] = [
    readState,
    ...(invitation ? [invitation] : []),
    ...(showParticipants
      ? [
          {
            key: "participants",
            label: <ParticipantsLabel count={chat.participantsCount} />,
            onSelect: () => setDialog("participants"),
          },
        ]
      : []),
    ...(canClose ? [{ key: "close", label: t("closeChat"), onSelect: () => setDialog("close") }] : []),
    ...workflow,
  ];

  return (
    <>
      <div className="hidden flex-wrap items-center gap-1.5 md:flex">
        {actions.map((action) => (
          <Button
            key={action.key}
            variant="secondary"
            size="sm"
            disabled={action.disabled}
            aria-keyshortcuts={action.keyShortcut}
            onClick={action.onSelect}
          >
            {action.label}
          </Button>
        ))}
      </div>
      <Menu className="shrink-0 md:hidden" label={t("chatActions")} icon={<MoreIcon />} actions={actions} />
      {showParticipants && <ParticipantsDialog chat={chat} open={dialog === "participants"} onClose={closeDialog} />}
      <AssignDialog chat={chat} open={dialog === "assign"} onClose={closeDialog} />
      <SnoozeDialog chatId={chat.id} open={dialog === "snooze"} onClose={closeDialog} />
      {canClose && (
        <CloseChatDialog chatId={chat.id} title={chat.title} open={dialog === "close"} onClose={closeDialog} />
      )}
    </>
  );
}
