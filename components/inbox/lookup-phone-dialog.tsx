"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { useTranslations } from "use-intl";
import { lookupFailure } from "@/components/inbox/lookup-failure";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select } from "@/components/ui/input";
import { MAX_LOOKUP_NAME_LENGTH, type PhoneLookupRequest } from "@/lib/chats/lookup.types";
import { useLookupByPhone } from "@/lib/queries/lookups";
import { refreshChatLists } from "@/lib/queries/refresh";

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
  const [source, setSource] = useState<PhoneLookupRequest["source"]>(0);

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
        <Input id={ids.phone} name="phone" type="tel" required autoComplete="off" placeholder="+7 900 000-00-00" />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.name} className="block font-medium text-sm">
          {t("name")}
        </label>
        <Input id={ids.name} name="name" required maxLength={MAX_LOOKUP_NAME_LENGTH} autoComplete="off" />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.source} className="block font-medium text-sm">
          {t("source")}
        </label>
        <Select id={ids.source} value={source} onChange={(event) => setSource(event.target.value === "1" ? 1 : 0)}>
          <option value={0}>{t("sourceBot")}</option>
          <option value={1}>{t("sourceCabinet")}</option>
        </Select>
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
