"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { ChatDetail } from "@/lib/chats/get-chat";
import type { ParticipantView } from "@/lib/participants/list-participants";
import { useParticipants, useRemoveParticipant } from "@/lib/queries/participants";

const nameOf = (participant: ParticipantView) => participant.name ?? participant.username ?? participant.externalId;

/** "Participants (n)", the label of the action that opens the panel. */
export function ParticipantsLabel({ count }: { count: number | null }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  return (
    <>
      {t("participants")}
      {count !== null && <span className="tabular-nums">({format.number(count)})</span>}
    </>
  );
}

/** The members of a group chat; "Remove participant" (after a confirmation) where the provider supports it. */
export function ParticipantsDialog({ chat, open, onClose }: { chat: ChatDetail; open: boolean; onClose: () => void }) {
  const t = useTranslations("thread");
  return (
    <Dialog open={open} onClose={onClose} title={t("participantsTitle", { title: chat.title })}>
      <ParticipantList chatId={chat.id} canRemove={chat.capabilities.includes("removeParticipant")} />
    </Dialog>
  );
}

function ParticipantList({ chatId, canRemove }: { chatId: number; canRemove: boolean }) {
  const t = useTranslations("thread");
  const common = useTranslations("common");
  const participants = useParticipants(chatId, true);
  const remove = useRemoveParticipant(chatId);
  const [confirming, setConfirming] = useState<ParticipantView | null>(null);

  if (participants.isPending) {
    return (
      <div className="space-y-2" aria-busy="true">
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
      </div>
    );
  }
  if (participants.isError) {
    return (
      <ErrorState
        title={t("participantsFailed")}
        error={participants.error}
        onRetry={() => void participants.refetch()}
      />
    );
  }
  if (participants.data.length === 0) return <p className="text-sm">{t("noParticipants")}</p>;

  if (confirming) {
    return (
      <div>
        <p className="text-sm">{t("removeConfirm", { name: nameOf(confirming) })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            {common("cancel")}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              const participant = confirming;
              setConfirming(null);
              remove.mutate(participant, {
                onSuccess: () => toast.success(t("participantRemoved", { name: nameOf(participant) })),
                onError: (error) => toast.error(t("removeFailed"), { description: error.message }),
              });
            }}
          >
            {t("remove")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-700">
      {participants.data.map((participant) => (
        <li key={participant.id} className="flex items-center gap-3 py-2">
          <div className="min-w-0 flex-1">
            <p
              className={`truncate font-medium text-sm ${participant.isActive ? "" : "text-slate-500 line-through dark:text-slate-400"}`}
            >
              {nameOf(participant)}
            </p>
            <p className="truncate text-slate-600 text-xs dark:text-slate-400">
              {[
                participant.username && `@${participant.username.replace(/^@/, "")}`,
                participant.isBot && t("bot"),
                !participant.isActive && t("leftChat"),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </div>
          {canRemove && participant.isActive && (
            <Button
              variant="secondary"
              size="sm"
              aria-label={t("removeParticipantNamed", { name: nameOf(participant) })}
              onClick={() => setConfirming(participant)}
            >
              {t("removeParticipant")}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
