"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Composer } from "@/components/composer/composer";
import { MessageLog } from "@/components/thread/message-log";
import { ThreadHeader } from "@/components/thread/thread-header";
import { useAutoMarkRead } from "@/components/thread/use-auto-mark-read";
import { usePresenceSignals } from "@/components/thread/use-presence-signals";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import type { MessageView } from "@/lib/messages/list-messages";
import { isApiError } from "@/lib/queries/api";
import { useChat } from "@/lib/queries/chats";
import { useConnectionsById } from "@/lib/queries/connections";
import { useThread } from "@/lib/queries/messages";
import { flattenThread } from "@/lib/queries/thread-data";
import { useSeeMentions } from "@/lib/queries/views";

function ThreadSkeleton() {
  const t = useTranslations("common");
  return (
    <div className="flex h-full flex-col" aria-busy="true">
      <span className="sr-only">{t("loading")}</span>
      <div className="flex h-[61px] items-center gap-3 border-slate-200 border-b px-4 dark:border-slate-800">
        <Skeleton className="size-9 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-3 w-32" />
        </div>
      </div>
      <div className="flex-1 space-y-4 p-4">
        <Skeleton className="h-12 w-2/5 rounded-2xl" />
        <Skeleton className="ml-auto h-16 w-1/2 rounded-2xl" />
        <Skeleton className="h-10 w-1/3 rounded-2xl" />
      </div>
    </div>
  );
}

/** An open chat: header with actions, the message log and the composer. */
export function ThreadView({ chatId }: { chatId: number }) {
  const t = useTranslations("thread");
  const chat = useChat(chatId);
  const thread = useThread(chatId);
  const typing = usePresenceSignals(chatId);
  useSeeMentions(chatId);
  const connections = useConnectionsById();
  const [replyTo, setReplyTo] = useState<MessageView | null>(null);
  const [markedUnread, setMarkedUnread] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  useAutoMarkRead(chat.data, markedUnread);

  const capabilities = chat.data?.capabilities ?? [];
  const canReply = capabilities.includes("sendReply");
  const reply = useCallback((message: MessageView) => {
    setReplyTo(message);
    textareaRef.current?.focus();
  }, []);
  const cancelReply = useCallback(() => setReplyTo(null), []);

  useHotkeys({
    r: canReply
      ? () => {
          const last = flattenThread(thread.data).findLast(
            (message) => message.direction !== "system" && message.id > 0 && !message.deletedAt,
          );
          if (last) reply(last);
        }
      : undefined,
  });

  if (chat.isPending) return <ThreadSkeleton />;
  if (chat.isError) {
    return isApiError(chat.error, 404) ? (
      <EmptyState title={t("notFound")} hint={t("notFoundHint")}>
        <Link href="/" className="mt-2 text-blue-700 text-sm underline dark:text-blue-300">
          {t("backToInbox")}
        </Link>
      </EmptyState>
    ) : (
      <ErrorState title={t("loadFailed")} error={chat.error} onRetry={() => void chat.refetch()} />
    );
  }

  return (
    <div className="flex h-full flex-col">
      <ThreadHeader
        chat={chat.data}
        connection={connections.get(chat.data.connectionId)}
        onMarkedUnread={() => setMarkedUnread(true)}
      />
      {thread.isPending ? (
        <div className="flex-1 space-y-4 p-4" aria-busy="true">
          <Skeleton className="h-12 w-2/5 rounded-2xl" />
          <Skeleton className="ml-auto h-16 w-1/2 rounded-2xl" />
        </div>
      ) : thread.isError ? (
        <div className="flex-1">
          <ErrorState title={t("messagesFailed")} error={thread.error} onRetry={() => void thread.refetch()} />
        </div>
      ) : (
        <MessageLog chatId={chatId} thread={thread} onReply={canReply ? reply : undefined} />
      )}
      <Composer
        chatId={chatId}
        onTyping={typing}
        canSend={capabilities.includes("sendText")}
        outgoingFiles={chat.data?.outgoingFiles ?? null}
        replyTo={replyTo}
        onCancelReply={cancelReply}
        textareaRef={textareaRef}
      />
    </div>
  );
}
