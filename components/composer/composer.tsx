"use client";

import { type DragEvent, type FormEvent, type KeyboardEvent, type Ref, useId, useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { AttachButton, usePolicyWords } from "@/components/composer/attach-button";
import { AttachmentChips } from "@/components/composer/attachment-chips";
import { newClientId } from "@/components/composer/client-id";
import { mentionedIds, useMentionPicker } from "@/components/composer/mention-picker";
import { useSavedReplyPicker } from "@/components/composer/saved-reply-picker";
import { useAttachments } from "@/components/composer/use-attachments";
import { useCollisionGuard } from "@/components/composer/use-collision-guard";
import { useDraft } from "@/components/composer/use-draft";
import { useCurrentUser } from "@/components/shell/current-user";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import type { StaffMember } from "@/lib/assignment/staff";
import type { CollidingReply } from "@/lib/messages/collision";
import type { MessageView } from "@/lib/messages/list-messages";
import { MAX_MESSAGE_LENGTH } from "@/lib/messages/send-message.types";
import type { UploadedFile } from "@/lib/outgoing-files/upload.types";
import type { OutgoingFilesSupport } from "@/lib/providers/outgoing-files.types";
import { useAddNote, useSendMessage } from "@/lib/queries/messages";

/** The API's limit (lib/messages/send-message.ts). */
const SHOW_COUNT_FROM = 3500;

type Mode = "reply" | "note";

/**
 * The textbox "Message" and "Send": Enter sends, Shift+Enter starts a new line, Esc cancels a
 * reply, `/` at the start picks a saved reply. The message appears at once as pending. Disabled,
 * with the reason, where the provider cannot send. "Note" turns it into a private note for the
 * team (never sent; `@` mentions a teammate). If a teammate replied while the agent typed, the
 * send is held and their reply shown; Send again sends anyway. Files come by the paperclip, drop or
 * paste where the provider takes them (checked against its limits before they upload). In its row,
 * the field has a box of its own for pop-ups to anchor to (a picker above it).
 */
export function Composer({
  chatId,
  canSend,
  replyTo,
  onCancelReply,
  textareaRef,
  onTyping,
  outgoingFiles,
}: {
  chatId: number;
  canSend: boolean;
  /** What files a reply here may carry, or why none (the paperclip's place). */
  outgoingFiles: OutgoingFilesSupport | null;
  replyTo: MessageView | null;
  onCancelReply: () => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  /** Each keystroke of a reply: the team sees "typing…" (the signal is throttled there). */
  onTyping?: () => void;
}) {
  const t = useTranslations("composer");
  const tFiles = useTranslations("outgoingFiles");
  const format = useFormatter();
  const user = useCurrentUser();
  const send = useSendMessage(chatId, user);
  const addNote = useAddNote(chatId);
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useDraft(chatId);
  const [picked, setPicked] = useState<StaffMember[]>([]);
  const note = mode === "note";
  const savedReplies = useSavedReplyPicker({ chatId, text, setText, enabled: !note });
  const mentions = useMentionPicker({
    text,
    setText,
    enabled: note,
    onMention: (member) => setPicked((list) => [...list, member]),
  });
  const collision = useCollisionGuard(chatId, note ? "" : text);
  const filePolicy = outgoingFiles && "policy" in outgoingFiles ? outgoingFiles.policy : null;
  const attachments = useAttachments(chatId, note ? null : filePolicy);
  const [dragging, setDragging] = useState(false);
  const policyWords = usePolicyWords();
  const hasFiles = !note && attachments.items.length > 0;
  const picker = note ? mentions : savedReplies;
  const textareaId = useId();
  const hintId = useId();
  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  const writable = note || canSend;

  const submitNote = (body: string) => {
    addNote.mutate(
      { text: body, clientId: newClientId(), mentions: mentionedIds(body, picked) },
      {
        onError: (error) => {
          toast.error(t("noteNotSaved"), { description: error.message });
          setText(body);
        },
      },
    );
    setText("");
    setPicked([]);
  };

  /** One send; `restore` goes back into the field if it fails, `afterQueued` runs once the server has it. */
  const sendReply = (
    reply: { text: string; files?: UploadedFile[] },
    check: ReturnType<typeof collision.check>,
    { restore = reply.text, afterQueued }: { restore?: string; afterQueued?: () => void } = {},
  ) =>
    send.mutate(
      { ...reply, replyTo, clientId: newClientId(), ...check },
      {
        onSuccess: afterQueued,
        onError: (error) => {
          if (!collision.caught(error)) toast.error(t("notSent"), { description: error.message });
          if (restore) setText(restore);
        },
      },
    );

  const submit = () => {
    const body = text.trim();
    if (!writable || tooLong || (!body && !hasFiles) || (hasFiles && !attachments.allReady)) return;
    if (note) return submitNote(body);
    const check = collision.check();
    if (hasFiles) {
      // Where the provider sends a file without text, the text follows it as a message of its own
      // (queued after it, so the customer gets them in this order).
      const caption = filePolicy?.withText ? body : "";
      const followUp = body && !caption ? () => sendReply({ text: body }, check) : undefined;
      sendReply({ text: caption, files: attachments.ready }, check, { restore: body, afterQueued: followUp });
      attachments.clear();
    } else {
      sendReply({ text: body }, check);
    }
    setText("");
    onCancelReply();
  };

  const dropFiles = (event: DragEvent<HTMLDivElement>) => {
    if (!filePolicy || note || !event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    setDragging(false);
    attachments.add(Array.from(event.dataTransfer.files));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape" && replyTo) {
      event.preventDefault();
      onCancelReply();
    }
  };

  return (
    // A drop target for files: the whole composer, so a file need not land on the small field.
    <section
      aria-label={t("composerLabel")}
      className={`relative border-slate-200 border-t bg-white p-3 dark:border-slate-800 dark:bg-slate-950 ${
        dragging ? "outline-2 outline-blue-500 outline-dashed -outline-offset-4" : ""
      }`}
      onDragOver={(event) => {
        if (!filePolicy || note || !event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={dropFiles}
    >
      {dragging && (
        <p className="pointer-events-none absolute inset-x-0 top-1 text-center font-medium text-blue-700 text-xs dark:text-blue-300">
          {tFiles("dropHere")}
        </p>
      )}
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
      <ModeSwitch mode={mode} onChange={setMode} />
      {collision.colliding && !note && <CollisionWarning replies={collision.colliding} />}
      {!note && <AttachmentChips items={attachments.items} onRemove={attachments.remove} />}
      <form
        className="flex items-end gap-2"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit();
        }}
      >
        {!note && outgoingFiles && canSend && (
          <AttachButton support={outgoingFiles} disabled={!writable} onFiles={attachments.add} />
        )}
        <div className="relative min-w-0 flex-1">
          <label htmlFor={textareaId} className="sr-only">
            {t("message")}
          </label>
          {picker.list}
          <Textarea
            {...picker.comboboxProps}
            ref={textareaRef}
            id={textareaId}
            rows={1}
            value={text}
            disabled={!writable}
            placeholder={note ? t("notePlaceholder") : canSend ? t("placeholder") : t("cannotSendPlaceholder")}
            aria-describedby={hintId}
            aria-invalid={tooLong || undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (!note) onTyping?.();
            }}
            onKeyDown={onKeyDown}
            onPaste={(event) => {
              const files = Array.from(event.clipboardData.files);
              if (!filePolicy || note || files.length === 0) return;
              event.preventDefault();
              attachments.add(files);
            }}
            // The on-screen keyboard's Enter key says "Send", as Enter does here.
            enterKeyHint="send"
            className={`field-sizing-content block max-h-40 min-h-10 w-full resize-none px-3 py-2 ${
              note ? "bg-amber-50 dark:bg-amber-950/40" : ""
            }`}
          />
        </div>
        <Button
          type="submit"
          disabled={!writable || tooLong || (!text.trim() && !hasFiles) || (hasFiles && !attachments.allReady)}
        >
          {note ? t("addNote") : collision.colliding ? t("sendAnyway") : t("send")}
        </Button>
      </form>
      <p
        id={hintId}
        className={`mt-1 text-xs ${tooLong ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"} ${
          writable && text.length < SHOW_COUNT_FROM ? "touch:sr-only" : ""
        }`}
      >
        {note
          ? t("noteHint")
          : !canSend
            ? t("cannotSend")
            : text.length >= SHOW_COUNT_FROM
              ? t("length", { count: format.number(text.length), max: format.number(MAX_MESSAGE_LENGTH) })
              : hasFiles && filePolicy
                ? policyWords(filePolicy)
                : t("hint")}
      </p>
    </section>
  );
}

/** Reply to the customer, or a note only the team sees. */
function ModeSwitch({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const t = useTranslations("composer");
  return (
    <fieldset className="mb-2 flex gap-1 text-xs">
      <legend className="sr-only">{t("modeLabel")}</legend>
      {(["reply", "note"] as const).map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={mode === choice}
          onClick={() => onChange(choice)}
          className={`rounded-md px-2 py-1 font-medium touch:min-h-11 focus-visible:outline-2 focus-visible:outline-blue-500 ${
            mode === choice
              ? choice === "note"
                ? "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50"
                : "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50"
              : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          {choice === "note" ? t("modeNote") : t("modeReply")}
        </button>
      ))}
    </fieldset>
  );
}

/** A teammate answered while this reply was being written: their words, before sending anyway. */
function CollisionWarning({ replies }: { replies: CollidingReply[] }) {
  const t = useTranslations("composer");
  return (
    <div
      role="alert"
      className="mb-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">{t("collisionTitle")}</p>
      <ul className="mt-1 space-y-0.5">
        {replies.map((reply) => (
          <li key={reply.id} className="truncate">
            <span className="font-medium">{reply.authorName ?? t("unknownAuthor")}:</span> {reply.text ?? t("noText")}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs">{t("collisionHint")}</p>
    </div>
  );
}
