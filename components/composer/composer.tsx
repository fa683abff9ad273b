"use client";

import { type FormEvent, type KeyboardEvent, type Ref, useId } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { newClientId } from "@/components/composer/client-id";
import { useSavedReplyPicker } from "@/components/composer/saved-reply-picker";
import { useDraft } from "@/components/composer/use-draft";
import { useCurrentUser } from "@/components/shell/current-user";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import type { MessageView } from "@/lib/messages/list-messages";
import { MAX_MESSAGE_LENGTH } from "@/lib/messages/send-message.types";
import { useSendMessage } from "@/lib/queries/messages";

/** The API's limit (lib/messages/send-message.ts). */
const SHOW_COUNT_FROM = 3500;

/**
 * The textbox "Message" and "Send": Enter sends, Shift+Enter starts a new line, Esc cancels a
 * reply, `/` at the start picks a saved reply. The message appears at once as pending. Disabled, with the reason, where the provider
 * cannot send. In its row, the field has a box of its own for pop-ups to anchor to (a picker
 * above it), and other buttons (attach) take their place beside it.
 */
export function Composer({
  chatId,
  canSend,
  replyTo,
  onCancelReply,
  textareaRef,
  onTyping,
}: {
  chatId: number;
  /** Each keystroke: the team sees "typing…" (the signal is throttled there). */
  onTyping?: () => void;
  canSend: boolean;
  replyTo: MessageView | null;
  onCancelReply: () => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}) {
  const t = useTranslations("composer");
  const format = useFormatter();
  const user = useCurrentUser();
  const send = useSendMessage(chatId, user);
  const [text, setText] = useDraft(chatId);
  const savedReplies = useSavedReplyPicker({ chatId, text, setText });
  const textareaId = useId();
  const hintId = useId();
  const tooLong = text.length > MAX_MESSAGE_LENGTH;

  const submit = () => {
    const body = text.trim();
    if (!canSend || !body || tooLong) return;
    send.mutate(
      { text: body, replyTo, clientId: newClientId() },
      {
        onError: (error) => {
          toast.error(t("notSent"), { description: error.message });
          setText(body);
        },
      },
    );
    setText("");
    onCancelReply();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (savedReplies.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape" && replyTo) {
      event.preventDefault();
      onCancelReply();
    }
  };

  return (
    <div className="border-slate-200 border-t bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
      {replyTo && (
        <div className="mb-2 flex items-start gap-2 rounded-md border-blue-600 border-l-4 bg-slate-100 px-3 py-1.5 text-sm dark:border-blue-400 dark:bg-slate-800">
          <div className="min-w-0 flex-1">
            <p className="font-semibold text-xs">
              {t("replyingTo", { author: replyTo.authorName ?? t("unknownAuthor") })}
            </p>
            <p className="truncate text-slate-700 dark:text-slate-300">{replyTo.text ?? t("noText")}</p>
          </div>
          <Button variant="ghost" size="sm" onClick={onCancelReply} aria-keyshortcuts="Escape">
            {t("cancelReply")}
          </Button>
        </div>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="relative min-w-0 flex-1">
          <label htmlFor={textareaId} className="sr-only">
            {t("message")}
          </label>
          {savedReplies.list}
          <Textarea
            {...savedReplies.comboboxProps}
            ref={textareaRef}
            id={textareaId}
            rows={1}
            value={text}
            disabled={!canSend}
            placeholder={canSend ? t("placeholder") : t("cannotSendPlaceholder")}
            aria-describedby={hintId}
            aria-invalid={tooLong || undefined}
            onChange={(event) => {
              setText(event.target.value);
              onTyping?.();
            }}
            onKeyDown={onKeyDown}
            // The on-screen keyboard's Enter key says "Send", as Enter does here.
            enterKeyHint="send"
            className="field-sizing-content block max-h-40 min-h-10 w-full resize-none px-3 py-2"
          />
        </div>
        <Button type="submit" disabled={!canSend || !text.trim() || tooLong}>
          {t("send")}
        </Button>
      </form>
      <p
        id={hintId}
        className={`mt-1 text-xs ${tooLong ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"} ${
          canSend && text.length < SHOW_COUNT_FROM ? "touch:sr-only" : ""
        }`}
      >
        {!canSend
          ? t("cannotSend")
          : text.length >= SHOW_COUNT_FROM
            ? t("length", { count: format.number(text.length), max: format.number(MAX_MESSAGE_LENGTH) })
            : t("hint")}
      </p>
    </div>
  );
}
