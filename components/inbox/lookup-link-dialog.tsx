"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { lookupFailure } from "@/components/inbox/lookup-failure";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { MAX_LOOKUP_LINK_LENGTH } from "@/lib/chats/lookup.types";
import { useConnections } from "@/lib/queries/connections";
import { useLookupByLink } from "@/lib/queries/lookups";
import { refreshChatLists } from "@/lib/queries/refresh";

/** The link patterns the connections that can open links declare (each must match a link in full). */
function useLinkPatterns(): RegExp[] {
  const { data } = useConnections();
  return useMemo(
    () =>
      (data ?? []).flatMap((connection) => {
        if (!connection.capabilities.includes("lookupByLink") || !connection.linkPattern) return [];
        try {
          return [new RegExp(`^(?:${connection.linkPattern})$`)];
        } catch {
          return [];
        }
      }),
    [data],
  );
}

/** "Open by link": a public link or username, checked as it is typed, then looked up and opened. */
export function LookupLinkDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("lookup");
  return (
    <Dialog open={open} onClose={onClose} title={t("linkTitle")}>
      <LinkForm onFound={onClose} />
    </Dialog>
  );
}

function LinkForm({ onFound }: { onFound: () => void }) {
  const t = useTranslations("lookup");
  const router = useRouter();
  const queryClient = useQueryClient();
  const lookup = useLookupByLink();
  const patterns = useLinkPatterns();
  const inputId = useId();
  const hintId = useId();
  const [link, setLink] = useState("");
  const value = link.trim();
  const valid = value !== "" && (patterns.length === 0 || patterns.some((pattern) => pattern.test(value)));
  const showInvalid = value !== "" && !valid;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    lookup.mutate(value, {
      onSuccess: ({ chatId }) => {
        void refreshChatLists(queryClient, [chatId]);
        onFound();
        router.push(`/chats/${chatId}`);
      },
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div className="space-y-1">
        <label htmlFor={inputId} className="block font-medium text-sm">
          {t("link")}
        </label>
        <Input
          id={inputId}
          value={link}
          onChange={(event) => {
            setLink(event.target.value);
            lookup.reset();
          }}
          required
          maxLength={MAX_LOOKUP_LINK_LENGTH}
          autoComplete="off"
          aria-invalid={showInvalid || undefined}
          aria-describedby={hintId}
        />
        <p
          id={hintId}
          className={`text-xs ${showInvalid ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
        >
          {showInvalid ? t("linkInvalid") : t("linkHint")}
        </p>
      </div>
      {lookup.isError && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {lookupFailure(lookup.error, t, "link")}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={!valid || lookup.isPending}>
          {lookup.isPending ? t("searching") : t("open")}
        </Button>
      </div>
    </form>
  );
}
