"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Select } from "@/components/ui/input";
import type { StaffMember } from "@/lib/admin/staff/staff.types";
import { useAuditLog } from "@/lib/queries/audit";

type Filters = { user: string; action: string; chat: string; from: string; to: string };

/** Who did what and when, with filters; a chat's entries link to the chat. */
export function AuditLog({
  staff,
  actions,
  initial,
}: {
  staff: StaffMember[];
  actions: readonly string[];
  initial: Filters;
}) {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  const format = useFormatter();
  const [filters, setFilters] = useState<Filters>(initial);
  const log = useAuditLog(filters);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-4">
      <h1 className="font-semibold text-xl">{t("auditTitle")}</h1>
      <div className="grid gap-2 sm:grid-cols-5">
        <label className="space-y-1 text-sm">
          <span>{t("auditWho")}</span>
          <Select value={filters.user} onChange={set("user")}>
            <option value="">{t("auditAnyone")}</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.email})
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-sm">
          <span>{t("auditAction")}</span>
          <Select value={filters.action} onChange={set("action")}>
            <option value="">{t("auditAnyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-sm">
          <span>{t("auditChatId")}</span>
          <Input inputMode="numeric" value={filters.chat} onChange={set("chat")} />
        </label>
        <label className="space-y-1 text-sm">
          <span>{t("auditFrom")}</span>
          <Input type="date" value={filters.from} onChange={set("from")} />
        </label>
        <label className="space-y-1 text-sm">
          <span>{t("auditTo")}</span>
          <Input type="date" value={filters.to} onChange={set("to")} />
        </label>
      </div>
      {log.isError ? (
        <ErrorState title={common("somethingWentWrong")} error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600 dark:text-slate-300">
              <tr>
                <th className="py-2 pr-3 font-medium">{t("auditWhen")}</th>
                <th className="py-2 pr-3 font-medium">{t("auditWho")}</th>
                <th className="py-2 pr-3 font-medium">{t("auditAction")}</th>
                <th className="py-2 pr-3 font-medium">{t("auditChat")}</th>
                <th className="py-2 font-medium">{t("auditDetails")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr
                  key={entry.id}
                  data-testid="audit-entry"
                  className="border-slate-200 border-t align-top dark:border-slate-800"
                >
                  <td className="whitespace-nowrap py-1.5 pr-3">
                    {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "medium" })}
                  </td>
                  <td className="py-1.5 pr-3">{entry.userName ?? entry.userEmail ?? t("system")}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{entry.action}</td>
                  <td className="py-1.5 pr-3">
                    {entry.chatId !== null && (
                      <Link className="text-blue-700 underline dark:text-blue-400" href={`/chats/${entry.chatId}`}>
                        {entry.chatTitle ?? `#${entry.chatId}`}
                      </Link>
                    )}
                  </td>
                  <td className="py-1.5 font-mono text-xs break-all">
                    {Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.isSuccess && entries.length === 0 && (
            <p className="py-4 text-slate-600 dark:text-slate-300">{t("auditEmpty")}</p>
          )}
          {log.hasNextPage && (
            <Button
              variant="secondary"
              className="mt-3"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t("loadMore")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
