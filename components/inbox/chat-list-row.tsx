"use client";

import Link from "next/link";
import { memo } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { ChatAvatar } from "@/components/inbox/chat-avatar";
import { isStale } from "@/components/inbox/connection-health";
import { PresenceMarker } from "@/components/inbox/presence-marker";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { StaffMember } from "@/lib/assignment/staff";
import type { ChatListItem } from "@/lib/chats/list-chats";
import type { ConnectionSummary } from "@/lib/connections/list-connections";
import { initials, waitingDuration } from "@/lib/queries/views";

export const CHAT_ROW_HEIGHT = 68;

type RowProps = {
  chat: ChatListItem;
  connection: ConnectionSummary | undefined;
  selected: boolean;
  href: string;
  /** One clock for the whole list, so relative times tick together and rows re-render only then. */
  now: Date;
  /** The assignee, when the chat has one and the staff list has loaded. */
  assignee: StaffMember | undefined;
};

const tag = "mr-1 inline-block rounded px-1 py-px align-[1px] font-medium text-[10px] uppercase tracking-wide";

/**
 * A chat in the list: a link whose accessible name starts with the title, then the provider,
 * status, last message preview, time and unread count.
 */
export const ChatListRow = memo(function ChatListRow({ chat, connection, selected, href, now, assignee }: RowProps) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const closed = chat.status === "closed";
  const unread = chat.unreadCount > 0;
  const time = chat.lastMessageAt ?? chat.activityAt;
  // Relative to the clock and shown in the browser's time zone: filled in once hydrated.
  const hydrated = useHydrated();
  const waiting =
    chat.inboxStatus === "open" && chat.waitingSince ? waitingDuration(new Date(chat.waitingSince), now) : null;
  return (
    <Link
      href={href}
      prefetch={false}
      aria-current={selected ? "page" : undefined}
      data-chat-id={chat.id}
      style={{ height: CHAT_ROW_HEIGHT }}
      className={`grid grid-cols-[auto_minmax(0,1fr)_auto] grid-rows-2 items-center gap-x-3 border-slate-100 border-b px-3 py-2 outline-none focus-visible:bg-blue-50 focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-inset dark:border-slate-800/70 dark:focus-visible:bg-slate-800 ${
        selected ? "bg-blue-50 dark:bg-slate-800" : "hover:bg-slate-50 dark:hover:bg-slate-900"
      }`}
    >
      <span
        className={`col-start-2 row-start-1 truncate ${unread ? "font-semibold" : "font-medium"} ${closed ? "text-slate-600 italic dark:text-slate-400" : ""}`}
      >
        {chat.title}
      </span>
      <span className="col-start-1 row-span-2 row-start-1">
        <ChatAvatar
          chatId={chat.id}
          title={chat.title}
          avatarUrl={chat.avatarUrl}
          kind={connection?.kind}
          dimmed={closed}
        />
      </span>
      <span className="sr-only">{connection?.displayName}</span>
      <span className="col-start-2 row-start-2 truncate text-slate-600 text-sm dark:text-slate-300">
        {closed && (
          <span className={`${tag} bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200`}>
            {t("closed")}
          </span>
        )}
        {isStale(connection) && (
          <span
            className={`${tag} bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100`}
            title={t("staleHint")}
          >
            {t("stale")}
          </span>
        )}
        {waiting && hydrated && (
          <span className={`${tag} bg-rose-100 text-rose-900 normal-case dark:bg-rose-950 dark:text-rose-100`}>
            {t("waiting", {
              duration: format.number(waiting.value, { style: "unit", unit: waiting.unit, unitDisplay: "narrow" }),
            })}
          </span>
        )}
        {chat.lastMessagePreview ?? t("noMessages")}
      </span>
      <time
        dateTime={time}
        title={hydrated ? format.dateTime(new Date(time), { dateStyle: "medium", timeStyle: "short" }) : undefined}
        className="col-start-3 row-start-1 min-w-14 justify-self-end whitespace-nowrap text-right text-slate-600 text-xs dark:text-slate-400"
      >
        {hydrated && format.relativeTime(new Date(time), { now, style: "short" })}
      </time>
      <span className="col-start-3 row-start-2 flex items-center justify-end gap-1">
        <PresenceMarker chatId={chat.id} />
        {assignee && (
          <span
            role="img"
            aria-label={t("assignedTo", { name: assignee.name || assignee.email })}
            title={assignee.name || assignee.email}
            data-testid="assignee-initials"
            className="rounded-full bg-violet-100 px-1 font-semibold text-[10px] text-violet-900 leading-5 dark:bg-violet-900 dark:text-violet-100"
          >
            {initials(assignee)}
          </span>
        )}
        {unread && (
          <span
            role="img"
            aria-label={t("unreadBadge", { count: chat.unreadCount })}
            className="min-w-5 rounded-full bg-blue-700 px-1.5 text-center font-semibold text-white text-xs tabular-nums leading-5 dark:bg-blue-500 dark:text-slate-950"
          >
            {format.number(chat.unreadCount)}
          </span>
        )}
      </span>
    </Link>
  );
});
