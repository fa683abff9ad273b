"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { ConnectionForm } from "@/components/admin/connection-form";
import { problemText } from "@/components/admin/connection-problem";
import { AlertWebhookSettings } from "@/components/alerts/alert-webhook-settings";
import { ProviderIcon } from "@/components/inbox/provider-icon";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import type { AdminConnection } from "@/lib/admin/connections/connections.types";
import {
  useAdminConnections,
  useDeleteConnection,
  useTestConnection,
  useUpdateConnection,
} from "@/lib/queries/admin-connections";

function ConnectionCard({ connection }: { connection: AdminConnection }) {
  const t = useTranslations("admin");
  const skippedText = useTranslations("connectionHealth");
  const format = useFormatter();
  const alerts = useTranslations("alerts");
  const [editing, setEditing] = useState(false);
  const [webhookOpen, setWebhookOpen] = useState(false);
  const update = useUpdateConnection();
  const remove = useDeleteConnection();
  const test = useTestConnection();
  const health = {
    unknown: t("healthUnknown"),
    ok: t("healthOk"),
    degraded: t("healthDegraded"),
    down: t("healthDown"),
  }[connection.health];
  const source = {
    browser: t("sourceBrowser"),
    environment: t("sourceEnvironment"),
    sandbox: t("sourceSandbox"),
  }[connection.source];
  const failed = (error: Error) => toast.error(t("failed", { message: error.message }));
  const runTest = () =>
    test.mutate(
      { id: connection.id },
      {
        onSuccess: (result) =>
          result.ok ? toast.success(t("testOk")) : toast.error(problemText(result.problem, result.message, t as never)),
        onError: failed,
      },
    );
  const drop = (withChats: boolean) => {
    const name = connection.displayName;
    if (!window.confirm(withChats ? t("confirmDeleteChats", { name }) : t("confirmDelete", { name }))) return;
    remove.mutate({ id: connection.id, withChats }, { onError: failed });
  };
  return (
    <li
      data-testid={`connection-${connection.displayName}`}
      className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <ProviderIcon kind={connection.kind} />
        <span className="font-semibold">{connection.displayName}</span>
        <span className="text-slate-500 text-sm">{connection.baseUrl}</span>
        {!connection.enabled && (
          <span className="rounded bg-slate-200 px-1.5 text-xs dark:bg-slate-700">{t("disabled")}</span>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-600 dark:text-slate-300">{t("connectionHealth")}</dt>
        <dd data-testid="connection-health">{health}</dd>
        <dt className="text-slate-600 dark:text-slate-300">{t("connectionLastSync")}</dt>
        <dd>
          {connection.lastSyncAt
            ? format.dateTime(new Date(connection.lastSyncAt), { dateStyle: "medium", timeStyle: "medium" })
            : t("never")}
        </dd>
        {connection.skippedItems.count > 0 && connection.skippedItems.since && (
          <>
            <dt className="text-slate-600 dark:text-slate-300">{t("connectionSkipped")}</dt>
            <dd data-testid="connection-skipped">
              {skippedText("itemsSkipped", {
                count: connection.skippedItems.count,
                since: new Date(connection.skippedItems.since),
              })}
            </dd>
          </>
        )}
        {connection.lastError && (
          <>
            <dt className="text-slate-600 dark:text-slate-300">{t("connectionLastError")}</dt>
            <dd className="break-words">{connection.lastError}</dd>
          </>
        )}
        <dt className="text-slate-600 dark:text-slate-300">{t("connectionChats")}</dt>
        <dd data-testid="connection-chats">{format.number(connection.chatCount)}</dd>
        <dt className="text-slate-600 dark:text-slate-300">{t("connectionSource")}</dt>
        <dd>{source}</dd>
      </dl>
      {connection.source === "environment" && (
        <p className="text-slate-600 text-sm dark:text-slate-300">
          {t("envReadOnly", { variables: connection.variables.join(", ") })}
        </p>
      )}
      {connection.source === "sandbox" && (
        <p className="text-slate-600 text-sm dark:text-slate-300">{t("sandboxReadOnly")}</p>
      )}
      <div className="flex flex-wrap gap-1.5">
        <Button size="sm" variant="secondary" disabled={test.isPending} onClick={runTest}>
          {test.isPending ? t("testing") : t("testConnection")}
        </Button>
        {connection.source === "browser" && (
          <>
            <Button size="sm" variant="secondary" onClick={() => setEditing((open) => !open)}>
              {t("edit")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={update.isPending}
              onClick={() =>
                update.mutate({ id: connection.id, change: { enabled: !connection.enabled } }, { onError: failed })
              }
            >
              {connection.enabled ? t("disable") : t("enable")}
            </Button>
            <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => drop(false)}>
              {t("remove")}
            </Button>
            <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => drop(true)}>
              {t("deleteWithChats")}
            </Button>
          </>
        )}
      </div>
      {editing && <ConnectionForm existing={connection} onDone={() => setEditing(false)} />}
      <details onToggle={(event) => setWebhookOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer font-medium text-sm">{alerts("webhookTitle")}</summary>
        {webhookOpen && <AlertWebhookSettings connectionId={connection.id} />}
      </details>
    </li>
  );
}

/** Every connection: health, chats, where it is configured; browser ones can be changed here. */
export function ConnectionsAdmin() {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  const connections = useAdminConnections();
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="font-semibold text-xl">{t("connectionsTitle")}</h1>
        {!adding && <Button onClick={() => setAdding(true)}>{t("addConnection")}</Button>}
      </div>
      {adding && <ConnectionForm onDone={() => setAdding(false)} />}
      {connections.isError ? (
        <ErrorState
          title={common("somethingWentWrong")}
          error={connections.error}
          onRetry={() => void connections.refetch()}
        />
      ) : (
        <ul className="space-y-3">
          {connections.data?.map((connection) => (
            <ConnectionCard key={connection.id} connection={connection} />
          ))}
        </ul>
      )}
    </div>
  );
}
