"use client";

import { type FormEvent, useState } from "react";
import { useTranslations } from "use-intl";
import { failedTest, problemText } from "@/components/admin/connection-problem";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { AdminConnection, ConnectionTestResult } from "@/lib/admin/connections/connections.types";
import { PROVIDER_INFO } from "@/lib/providers/catalog.types";
import { PROVIDER_KINDS, type ProviderKind } from "@/lib/providers/types";
import { useCreateConnection, useTestConnection, useUpdateConnection } from "@/lib/queries/admin-connections";

type Values = Record<string, string>;

/**
 * Add a connection, or edit one (`existing`): the fields come from the provider's descriptor.
 * Credentials are never filled in; left empty they keep their stored value.
 */
export function ConnectionForm({ existing, onDone }: { existing?: AdminConnection; onDone: () => void }) {
  const t = useTranslations("admin");
  const fieldLabel = useTranslations("connectionFields");
  const common = useTranslations("common");
  const [kind, setKind] = useState<ProviderKind>(existing?.kind ?? "smartsender");
  const [name, setName] = useState(existing?.displayName ?? "");
  const [values, setValues] = useState<Values>(() => ({
    baseUrl: existing?.baseUrl ?? "",
    ...Object.fromEntries(Object.entries(existing?.settings ?? {}).map(([key, value]) => [key, String(value ?? "")])),
  }));
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [refused, setRefused] = useState(false);
  const test = useTestConnection();
  const create = useCreateConnection();
  const update = useUpdateConnection();
  const info = PROVIDER_INFO[kind];

  const request = (saveUntested: boolean) => {
    const pick = (target: "credentials" | "settings") =>
      Object.fromEntries(
        info.fields
          .filter((field) => field.target === target && (values[field.key] ?? "") !== "")
          .map((field) => [field.key, values[field.key] ?? ""]),
      );
    return {
      kind,
      displayName: name.trim() || undefined,
      baseUrl: values.baseUrl?.trim() || undefined,
      credentials: pick("credentials"),
      settings: pick("settings"),
      saveUntested,
    };
  };

  const runTest = () => {
    setResult(null);
    test.mutate(
      { values: request(false) },
      {
        onSuccess: setResult,
        onError: (error) => setResult({ ok: false, problem: "invalid", message: error.message }),
      },
    );
  };

  const save = (saveUntested: boolean) => {
    setRefused(false);
    const onError = (error: Error) => {
      const failed = failedTest(error);
      if (failed) {
        setResult({ ok: false, ...failed });
        setRefused(true);
      } else setResult({ ok: false, problem: "invalid", message: error.message });
    };
    const body = request(saveUntested);
    if (existing) {
      const { kind: _kind, credentials, settings, ...rest } = body;
      update.mutate(
        {
          id: existing.id,
          change: {
            ...rest,
            ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
            ...(Object.keys(settings).length > 0 ? { settings } : {}),
          },
        },
        { onSuccess: onDone, onError },
      );
    } else create.mutate(body, { onSuccess: onDone, onError });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };
  const pending = test.isPending || create.isPending || update.isPending;

  return (
    <form
      onSubmit={submit}
      aria-label={existing ? `${t("edit")}: ${existing.displayName}` : t("addConnection")}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {!existing && (
          <label className="space-y-1 text-sm">
            <span>{t("connectionKind")}</span>
            <Select value={kind} onChange={(event) => setKind(event.target.value as ProviderKind)}>
              {PROVIDER_KINDS.map((option) => (
                <option key={option} value={option}>
                  {PROVIDER_INFO[option].displayName}
                </option>
              ))}
            </Select>
          </label>
        )}
        <label className="space-y-1 text-sm">
          <span>{t("connectionName")}</span>
          <Input
            value={name}
            maxLength={100}
            placeholder={info.displayName}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {info.fields.map((field) => {
          const secret = field.target === "credentials";
          const stored = existing?.credentialHints[field.key];
          return (
            <label key={field.key} className="space-y-1 text-sm">
              <span>{fieldLabel(field.label)}</span>
              <Input
                type={secret ? "password" : "text"}
                autoComplete="off"
                value={values[field.key] ?? ""}
                required={field.required && !(secret && stored) && !(field.key === "baseUrl" && info.defaultBaseUrl)}
                placeholder={field.key === "baseUrl" ? (info.defaultBaseUrl ?? "https://") : undefined}
                onChange={(event) => setValues((current) => ({ ...current, [field.key]: event.target.value }))}
              />
              {secret && stored && (
                <span className="block text-slate-600 text-xs dark:text-slate-300">
                  {t("keepsCredential", { hint: stored })}
                </span>
              )}
            </label>
          );
        })}
      </div>
      {result && (
        <p
          role={result.ok ? "status" : "alert"}
          className={
            result.ok ? "text-emerald-700 text-sm dark:text-emerald-400" : "text-red-700 text-sm dark:text-red-400"
          }
        >
          {result.ok ? t("testOk") : problemText(result.problem, result.message, t as never)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {!existing && (
          <Button variant="secondary" disabled={pending} onClick={runTest}>
            {test.isPending ? t("testing") : t("testConnection")}
          </Button>
        )}
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {refused && (
          <Button variant="danger" disabled={pending} onClick={() => save(true)}>
            {t("saveAnyway")}
          </Button>
        )}
        <Button variant="ghost" onClick={onDone}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}
