"use client";

import { memo } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Attachments } from "@/components/thread/attachments";
import { DeliveryState } from "@/components/thread/delivery-state";
import { MessageText } from "@/components/thread/message-text";
import { Reactions } from "@/components/thread/reactions";
import { ReplyQuote, type ReplyTarget } from "@/components/thread/reply-quote";
import type { MessageView } from "@/lib/messages/list-messages";

export type BubbleActions = {
  /** Absent where the provider cannot send replies. */
  onReply?: (message: MessageView) => void;
  onJump: (target: ReplyTarget) => void;
  onRetry: (messageId: number) => void;
};

const KNOWN_EVENTS = [
  "chat_closed",
  "chat_opened",
  "internal_note",
  "member_added",
  "member_joined",
  "member_removed",
  "member_left",
  "bot_added",
  "bot_removed",
  "title_changed",
] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];
const isKnownEvent = (event: string | null): event is KnownEvent => KNOWN_EVENTS.some((known) => known === event);

function SystemEntry({ message }: { message: MessageView }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  const event = isKnownEvent(message.systemEvent) ? t(`systemEvent.${message.systemEvent}`) : message.systemEvent;
  return (
    <div className="flex justify-center px-4 py-1">
      <div className="max-w-[85%] rounded-lg bg-amber-50 px-3 py-1.5 text-center text-amber-950 text-xs dark:bg-amber-950/60 dark:text-amber-100">
        <span className="font-semibold">{event ?? t("systemEvent.other")}</span>
        {message.authorName && <span> · {message.authorName}</span>}
        <span className="ml-1 opacity-80">{format.dateTime(new Date(message.createdAt), { timeStyle: "short" })}</span>
        {message.text && <MessageText text={message.text} className="mt-0.5 text-left" />}
      </div>
    </div>
  );
}

/** A private note of the team: tinted, labelled, never a bubble of the conversation with the customer. */
function NoteEntry({ message }: { message: MessageView }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  return (
    <div className="flex justify-end px-4 py-1" data-note="true">
      <div className="w-full max-w-[min(85%,36rem)] rounded-lg border border-amber-300 border-dashed bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-50">
        <p className="mb-0.5 text-amber-900 text-xs dark:text-amber-200">
          <span className="font-semibold">{t("noteLabel")}</span>
          {message.authorName && <span> · {message.authorName}</span>}
          <span className="ml-1 opacity-80">
            {format.dateTime(new Date(message.createdAt), { timeStyle: "short" })}
          </span>
        </p>
        {message.text && <MessageText text={message.text} />}
      </div>
    </div>
  );
}

/**
 * One message: author, reply quote, text, attachments, time with edited/deleted markers and
 * delivery state, reactions underneath, and a "Reply" action.
 */
export const MessageBubble = memo(function MessageBubble({
  message,
  showAuthor,
  highlighted,
  retrying,
  actions,
}: {
  message: MessageView;
  showAuthor: boolean;
  highlighted: boolean;
  retrying: boolean;
  actions: BubbleActions;
}) {
  const t = useTranslations("thread");
  const format = useFormatter();
  if (message.direction === "system") return <SystemEntry message={message} />;
  if (message.direction === "note") return <NoteEntry message={message} />;

  const outbound = message.direction === "outbound";
  const deleted = message.deletedAt !== null;
  const created = new Date(message.createdAt);
  return (
    <div className={`group flex px-4 ${showAuthor ? "pt-2" : "pt-0.5"} ${outbound ? "justify-end" : "justify-start"}`}>
      <div className={`flex max-w-[min(80%,36rem)] flex-col ${outbound ? "items-end" : "items-start"}`}>
        {showAuthor && message.authorName && (
          <span className="mb-0.5 px-1 font-medium text-slate-700 text-xs dark:text-slate-300">
            {message.authorName}
          </span>
        )}
        <div className="flex items-end gap-1">
          {actions.onReply && outbound && <ReplyButton message={message} onReply={actions.onReply} />}
          <div
            className={`min-w-16 rounded-2xl px-3 py-2 text-sm shadow-sm transition-[box-shadow] duration-500 ${
              outbound
                ? "rounded-br-sm bg-blue-700 text-white dark:bg-blue-800"
                : "rounded-bl-sm bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100"
            } ${highlighted ? "ring-4 ring-amber-400" : ""}`}
          >
            {message.replyTo && <ReplyQuote quote={message.replyTo} outbound={outbound} onJump={actions.onJump} />}
            {deleted && <p className="text-xs italic opacity-90">{t("deleted")}</p>}
            {message.text &&
              (deleted ? (
                <del className="opacity-75">
                  <MessageText text={message.text} />
                </del>
              ) : (
                <MessageText text={message.text} />
              ))}
            <Attachments attachments={message.attachments} />
            <div
              className={`mt-1 flex items-center justify-end gap-1.5 text-[11px] ${outbound ? "text-blue-100" : "text-slate-600 dark:text-slate-400"}`}
            >
              {message.editedAt && (
                <span title={format.dateTime(new Date(message.editedAt), { dateStyle: "medium", timeStyle: "short" })}>
                  {t("edited")}
                </span>
              )}
              <time
                dateTime={message.createdAt}
                title={format.dateTime(created, { dateStyle: "medium", timeStyle: "short" })}
              >
                {format.dateTime(created, { timeStyle: "short" })}
              </time>
              {outbound && message.deliveryState !== "failed" && (
                <DeliveryState message={message} onRetry={actions.onRetry} retrying={retrying} />
              )}
            </div>
          </div>
          {actions.onReply && !outbound && <ReplyButton message={message} onReply={actions.onReply} />}
        </div>
        {message.deliveryState === "failed" && (
          <DeliveryState message={message} onRetry={actions.onRetry} retrying={retrying} />
        )}
        <Reactions reactions={message.reactions} alignEnd={outbound} />
      </div>
    </div>
  );
});

function ReplyButton({ message, onReply }: { message: MessageView; onReply: (message: MessageView) => void }) {
  const t = useTranslations("thread");
  if (message.id < 0 || message.deletedAt) return null;
  return (
    <button
      type="button"
      onClick={() => onReply(message)}
      className="mb-1 rounded px-1.5 py-0.5 text-slate-700 text-xs touch:mb-0 touch:min-h-11 touch:px-2 opacity-0 hover:bg-slate-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-500 group-hover:opacity-100 dark:text-slate-300 dark:hover:bg-slate-800 [@media(hover:none)]:opacity-100"
    >
      {t("reply")}
    </button>
  );
}
