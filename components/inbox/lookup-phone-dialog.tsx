"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { useTranslations } from "use-intl";
import { lookupFailure } from "@/components/inbox/lookup-failure";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { type PhoneLookup, useLookupByPhone } from "@/lib/queries/lookups";
import { refreshChatLists } from "@/lib/queries/refresh";

const input =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/30 dark:border-slate-700 dark:bg-slate-900";

/** "Find chat by phone": asks the providers for the active chat of a phone number and opens it. */
export function LookupPhoneDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("lookup");
  return (
    <Dialog open={open} onClose={onClose} title={t("phoneTitle")}>
      <PhoneForm onFound={onClose} />
    </Dialog>
  );
}

function PhoneForm({ onFound }: { onFound: () => void }) {
  const t = useTranslations("lookup");
  const router = useRouter();
  const queryClient = useQueryClient();
  const lookup = useLookupByPhone();
  const ids = { phone: useId(), name: useId(), source: useId() };
  const [source, setSource] = useState<PhoneLookup["source"]>(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    lookup.mutate(
      { phone: String(form.get("phone") ?? "").trim(), name: String(form.get("name") ?? "").trim(), source },
      {
        onSuccess: ({ chatId }) => {
          void refreshChatLists(queryClient, [chatId]);
          onFound();
          router.push(`/chats/${chatId}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className="space-y-3">
      <p className="text-slate-600 text-sm dark:text-slate-300">{t("phoneHint")}</p>
      <div className="space-y-1">
        <label htmlFor={ids.phone} className="block font-medium text-sm">
          {t("phone")}
        </label>
        <input
          id={ids.phone}
          name="phone"
          type="tel"
          required
          autoComplete="off"
          placeholder="+7 900 000-00-00"
          className={input}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.name} className="block font-medium text-sm">
          {t("name")}
        </label>
        <input id={ids.name} name="name" required maxLength={200} autoComplete="off" className={input} />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.source} className="block font-medium text-sm">
          {t("source")}
        </label>
        <select
          id={ids.source}
          value={source}
          onChange={(event) => setSource(event.target.value === "1" ? 1 : 0)}
          className={input}
        >
          <option value={0}>{t("sourceBot")}</option>
          <option value={1}>{t("sourceCabinet")}</option>
        </select>
      </div>
      {lookup.isError && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {lookupFailure(lookup.error, t, "phone")}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={lookup.isPending}>
          {lookup.isPending ? t("searching") : t("find")}
        </Button>
      </div>
    </form>
  );
}
