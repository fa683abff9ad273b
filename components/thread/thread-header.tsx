"use client";

import { useTranslations } from "use-intl";
import { ChatAuditLink } from "@/components/admin/chat-audit-link";
import { ChatAvatar } from "@/components/inbox/chat-avatar";
import { isStale } from "@/components/inbox/connection-health";
import { BackToList } from "@/components/thread/back-to-list";
import { PresenceLine } from "@/components/thread/presence-line";
import { ThreadActions } from "@/components/thread/thread-actions";
import { WorkflowSummary } from "@/components/thread/workflow-actions";
import type { ChatDetail } from "@/lib/chats/get-chat";
import type { ConnectionSummary } from "@/lib/connections/list-connections";

/**
 * The chat's title, provider, status, assignee and inbox state, and the actions its provider supports (exactly those). On a
 * phone it heads the chat's own screen: a way back to the list, the title, the actions' menu.
 */
export function ThreadHeader({
  chat,
  connection,
  onMarkedUnread,
}: {
  chat: ChatDetail;
  connection: ConnectionSummary | undefined;
  onMarkedUnread: () => void;
}) {
  const t = useTranslations("thread");
  const details = [
    connection?.displayName,
    chat.phone,
    chat.participantsCount !== null && chat.kind !== "dialog"
      ? t("memberCount", { count: chat.participantsCount })
      : null,
  ].filter(Boolean);
  return (
    <header className="flex items-center gap-x-2 gap-y-2 border-slate-200 border-b px-1 py-1.5 md:flex-wrap md:gap-x-4 md:px-4 md:py-2.5 dark:border-slate-800">
      <BackToList className="md:hidden" />
      {/* Room for the title first: on a narrow screen the actions wrap below it. */}
      <div className="flex min-w-0 flex-1 items-center gap-3 md:flex-[1_1_16rem]">
        <ChatAvatar chatId={chat.id} title={chat.title} avatarUrl={chat.avatarUrl} kind={connection?.kind} />
        <div className="min-w-0">
          <h1 className="flex items-center gap-2 font-semibold text-base">
            <span className="truncate">{chat.title}</span>
            {chat.status === "closed" && (
              <span className="shrink-0 rounded bg-slate-200 px-1.5 py-px font-medium text-[10px] text-slate-700 uppercase tracking-wide dark:bg-slate-700 dark:text-slate-200">
                {t("closed")}
              </span>
            )}
          </h1>
          <p className="truncate text-slate-600 text-xs dark:text-slate-400">{details.join(" · ")}</p>
          <WorkflowSummary chat={chat} />
          <PresenceLine chatId={chat.id} />
          {isStale(connection) && (
            <p className="text-amber-800 text-xs dark:text-amber-300">
              {connection?.health === "down" ? t("providerDown") : t("providerDegraded")}
            </p>
          )}
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-1.5">
        <ThreadActions chat={chat} onMarkedUnread={onMarkedUnread} />
        <ChatAuditLink chatId={chat.id} />
      </div>
    </header>
  );
}
