"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_WEBHOOK_URL_LENGTH } from "@/lib/alerts/webhook-settings.types";
import { useAlertWebhook, useRemoveAlertWebhook, useSaveAlertWebhook } from "@/lib/queries/alerts";

const STATUS_KEYS = { pending: "statusPending", delivered: "statusDelivered", failed: "statusFailed" } as const;

/**
 * A connection's outage webhook on its admin card: the URL, the signing secret (whole only in the
 * answer that generated it, then as a hint), and the latest deliveries with their attempts.
 */
export function AlertWebhookSettings({ connectionId }: { connectionId: string }) {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const { data } = useAlertWebhook(connectionId);
  const save = useSaveAlertWebhook(connectionId);
  const remove = useRemoveAlertWebhook(connectionId);
  const [url, setUrl] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const fieldId = `alert-webhook-${connectionId}`;
  const failed = (error: Error) => toast.error(error.message);

  const submit = (event: { preventDefault: () => void }, rotateSecret = false) => {
    event.preventDefault();
    save.mutate(
      { url: (url ?? data?.url ?? "").trim(), rotateSecret },
      {
        onSuccess: (saved) => {
          setSecret(saved.secret);
          setUrl(null);
          toast.success(t("webhookSaved"));
        },
        onError: failed,
      },
    );
  };

  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600 dark:text-slate-300">{t("webhookHelp")}</p>
      <form className="flex flex-wrap items-end gap-1.5" onSubmit={(event) => submit(event)}>
        <div className="min-w-64 flex-1">
          <label htmlFor={fieldId} className="block font-medium">
            {t("webhookUrl")}
          </label>
          <Input
            id={fieldId}
            type="url"
            required
            maxLength={MAX_WEBHOOK_URL_LENGTH}
            placeholder="https://"
            value={url ?? data?.url ?? ""}
            onChange={(event) => setUrl(event.target.value)}
          />
        </div>
        <Button size="sm" type="submit" disabled={save.isPending}>
          {t("webhookSave")}
        </Button>
        {data?.url && (
          <>
            <Button size="sm" variant="secondary" disabled={save.isPending} onClick={(event) => submit(event, true)}>
              {t("webhookRotate")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => setSecret(null), onError: failed })}
            >
              {t("webhookRemove")}
            </Button>
          </>
        )}
      </form>
      {secret ? (
        <p
          role="status"
          className="break-all rounded bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          {t("webhookSecretOnce")} <code data-testid="alert-webhook-secret">{secret}</code>
        </p>
      ) : (
        data?.secretHint && (
          <p className="text-slate-600 dark:text-slate-300">{t("webhookSecretHint", { hint: data.secretHint })}</p>
        )
      )}
      <h4 className="font-medium">{t("webhookDeliveries")}</h4>
      {data && data.deliveries.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">{t("webhookNoDeliveries")}</p>
      ) : (
        <table className="w-full text-left text-xs">
          <thead>
            <tr>
              <th scope="col">{t("colCreated")}</th>
              <th scope="col">{t("colEvent")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col">{t("colAttempts")}</th>
              <th scope="col">{t("colResponse")}</th>
            </tr>
          </thead>
          <tbody>
            {data?.deliveries.map((delivery) => (
              <tr key={delivery.id} className="border-slate-200 border-t align-top dark:border-slate-800">
                <td>{format.dateTime(new Date(delivery.createdAt), { dateStyle: "short", timeStyle: "medium" })}</td>
                <td>{delivery.event === "recovered" ? t("eventRecovered") : t("eventDown")}</td>
                <td>{t(STATUS_KEYS[delivery.status])}</td>
                <td>{delivery.attempts}</td>
                <td className="break-words">
                  {[delivery.lastStatusCode, delivery.lastError].filter((part) => part !== null).join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
