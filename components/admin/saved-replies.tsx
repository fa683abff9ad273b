"use client";

import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { CannedReply, ReplyScope } from "@/lib/canned-replies/canned-replies.types";
import { useCannedReplies, useCreateReply, useDeleteReply, useUpdateReply } from "@/lib/queries/canned-replies";

type Draft = { id: number | null; scope: ReplyScope; title: string; shortcut: string; text: string };

const EMPTY: Draft = { id: null, scope: "personal", title: "", shortcut: "", text: "" };

/** The saved-replies page: a form to add or change one, then the agent's own and the team's. */
export function SavedReplies({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("replies");
  const replies = useCannedReplies();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const create = useCreateReply();
  const update = useUpdateReply();
  const remove = useDeleteReply();
  const formId = useId();
  const fail = (error: Error) => toast.error(t("failed", { message: error.message }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const fields = { title: draft.title, text: draft.text, shortcut: draft.shortcut };
    const done = () => {
      toast.success(t("saved"));
      setDraft(EMPTY);
    };
    if (draft.id === null) create.mutate({ ...fields, scope: draft.scope }, { onSuccess: done, onError: fail });
    else update.mutate({ id: draft.id, changes: fields }, { onSuccess: done, onError: fail });
  };
  const edit = (reply: CannedReply) =>
    setDraft({
      id: reply.id,
      scope: reply.scope,
      title: reply.title,
      shortcut: reply.shortcut ?? "",
      text: reply.text,
    });
  const confirmDelete = (reply: CannedReply) => {
    if (window.confirm(t("deleteConfirm", { title: reply.title }))) {
      remove.mutate(reply.id, { onSuccess: () => toast.success(t("deleted")), onError: fail });
    }
  };
  const list = (scope: ReplyScope) => (replies.data ?? []).filter((reply) => reply.scope === scope);

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="font-semibold text-xl">{t("title")}</h1>
        <p className="text-slate-600 text-sm dark:text-slate-300">{t("intro")}</p>
      </div>
      <form onSubmit={save} className="max-w-2xl space-y-3" aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`} className="font-semibold">
          {draft.id === null ? t("newTitle") : t("editTitle")}
        </h2>
        <label className="block space-y-1 text-sm">
          <span>{t("fieldTitle")}</span>
          <Input
            value={draft.title}
            required
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        <div className="space-y-1 text-sm">
          <label htmlFor={`${formId}-shortcut-field`} className="block">
            {t("fieldShortcut")}
          </label>
          <Input
            id={`${formId}-shortcut-field`}
            value={draft.shortcut}
            maxLength={30}
            aria-describedby={`${formId}-shortcut`}
            onChange={(e) => setDraft({ ...draft, shortcut: e.target.value })}
          />
          <p id={`${formId}-shortcut`} className="text-slate-600 text-xs dark:text-slate-400">
            {t("shortcutHint")}
          </p>
        </div>
        <div className="space-y-1 text-sm">
          <label htmlFor={`${formId}-text-field`} className="block">
            {t("fieldText")}
          </label>
          <Textarea
            id={`${formId}-text-field`}
            value={draft.text}
            required
            rows={4}
            maxLength={4000}
            aria-describedby={`${formId}-variables`}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
          <p id={`${formId}-variables`} className="text-slate-600 text-xs dark:text-slate-400">
            {t("variablesHint")}
          </p>
        </div>
        {isAdmin && draft.id === null && (
          <label className="block space-y-1 text-sm">
            <span>{t("fieldScope")}</span>
            <Select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as ReplyScope })}>
              <option value="personal">{t("scopePersonal")}</option>
              <option value="team">{t("scopeTeam")}</option>
            </Select>
          </label>
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={create.isPending || update.isPending}>
            {draft.id === null ? t("add") : t("save")}
          </Button>
          {draft.id !== null && (
            <Button type="button" variant="secondary" onClick={() => setDraft(EMPTY)}>
              {t("cancel")}
            </Button>
          )}
        </div>
      </form>
      {(["personal", "team"] as const).map((scope) => (
        <section key={scope} className="space-y-2" aria-labelledby={`${formId}-${scope}`}>
          <h2 id={`${formId}-${scope}`} className="font-semibold">
            {scope === "personal" ? t("mine") : t("team")}
          </h2>
          {list(scope).length === 0 ? (
            <p className="text-slate-600 text-sm dark:text-slate-400">{t("none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {list(scope).map((reply) => (
                <li key={reply.id} className="flex items-start gap-3 p-3" data-testid={`reply-${reply.title}`}>
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="font-medium text-sm">
                      {reply.title}
                      {reply.shortcut && (
                        <span className="ms-2 font-mono text-slate-600 text-xs dark:text-slate-400">
                          /{reply.shortcut}
                        </span>
                      )}
                    </p>
                    <p className="whitespace-pre-wrap text-slate-700 text-sm dark:text-slate-300">{reply.text}</p>
                  </div>
                  {reply.editable && (
                    <div className="flex shrink-0 gap-1">
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => edit(reply)}
                        aria-label={t("editNamed", { title: reply.title })}
                      >
                        {t("edit")}
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        onClick={() => confirmDelete(reply)}
                        aria-label={t("deleteNamed", { title: reply.title })}
                      >
                        {t("delete")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
