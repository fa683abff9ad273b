"use client";

import { toast } from "sonner";
import { useNow, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { MessageView } from "@/lib/messages/list-messages";

const TICKS = {
  one: "M7.6 13.6 4 10l-1.4 1.4 5 5L18 6 16.6 4.6z",
  two: "M4.6 13.6 1 10l-1.4 1.4 5 5L15 6l-1.4-1.4zm6 1.4-1.2-1.2-1.4 1.4 2.6 2.6L21 7.4 19.6 6z",
  clock: "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12m-1 2h2v4.4l3 1.8-1 1.7-4-2.4z",
};

/** As the Not delivered view counts it (lib/chats/undelivered.ts). */
const UNCONFIRMED_AFTER_MS = 5 * 60_000;

/** The message's text on the clipboard, to send it another way. */
function CopyText({ text }: { text: string | null }) {
  const t = useTranslations("thread");
  if (!text) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t("textCopied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };
  return (
    <Button size="sm" variant="secondary" onClick={() => void copy()}>
      {t("copyText")}
    </Button>
  );
}

/**
 * Where an outgoing message stands: sending, sent, delivered, read, or failed with the reason,
 * "Retry" and "Copy text"; a send the provider has not confirmed after five minutes says so.
 */
export function DeliveryState({
  message,
  onRetry,
  retrying,
}: {
  message: MessageView;
  onRetry: (messageId: number) => void;
  retrying: boolean;
}) {
  const t = useTranslations("thread");
  const now = useNow({ updateInterval: 60_000 });
  const state = message.deliveryState;
  if (!state) return null;
  if (state === "failed") {
    return (
      <span className="mt-1 flex flex-wrap items-center justify-end gap-2 text-red-800 dark:text-red-300">
        <span role="status">
          {t("deliveryFailed")}
          {message.deliveryError && `: ${message.deliveryError}`}
        </span>
        <Button size="sm" variant="secondary" disabled={retrying} onClick={() => onRetry(message.id)}>
          {t("retrySend")}
        </Button>
        <CopyText text={message.text} />
      </span>
    );
  }
  if (state === "pending" && now.getTime() - Date.parse(message.createdAt) > UNCONFIRMED_AFTER_MS) {
    return (
      <span className="mt-1 flex flex-wrap items-center justify-end gap-2 text-amber-900 dark:text-amber-200">
        <span role="status">{t("deliveryUnconfirmed")}</span>
        <CopyText text={message.text} />
      </span>
    );
  }
  const path = state === "pending" ? TICKS.clock : state === "sent" ? TICKS.one : TICKS.two;
  return (
    <span className="inline-flex items-center gap-0.5" title={t(`delivery.${state}`)}>
      <svg aria-hidden="true" viewBox="-1 0 22 20" fill="currentColor" className="size-3.5">
        <path d={path} />
      </svg>
      <span className="sr-only">{t(`delivery.${state}`)}</span>
    </span>
  );
}
