"use client";

import { type ReactNode, useId, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

export type TableColumn = { key: string; label: string; numeric?: boolean };

/**
 * A chart with its table view (a button switches between them) and a CSV link. The chart is one
 * keyboard stop described in words; the table carries every figure for screen readers.
 */
export function ChartSection({
  title,
  hint,
  csvHref,
  columns,
  rows,
  chart,
}: {
  title: string;
  hint?: string;
  csvHref: string;
  columns: TableColumn[];
  rows: Array<Record<string, string | number>>;
  chart: ReactNode;
}) {
  const t = useTranslations("reports");
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id={headingId} className="font-semibold">
            {title}
          </h2>
          {hint && <p className="text-slate-500 text-xs">{hint}</p>}
        </div>
        <div className="flex gap-1.5">
          <Button variant="secondary" size="sm" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? t("showChart") : t("showTable")}
          </Button>
          <a
            className="inline-flex items-center rounded-md border border-slate-300 px-2 py-1 font-medium text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-700 dark:hover:bg-slate-800"
            href={csvHref}
            download
          >
            {t("exportCsv")}
          </a>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-500 text-sm">{t("noData")}</p>
      ) : asTable ? (
        <div className="max-h-96 overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={`border-slate-200 border-b px-2 py-1 font-medium dark:border-slate-700 ${column.numeric ? "text-right" : "text-left"}`}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are the report's, in a fixed order
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column.key} className={`px-2 py-1 ${column.numeric ? "text-right tabular-nums" : ""}`}>
                      {row[column.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <figure
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard stop that announces what the chart shows
          tabIndex={0}
          aria-label={t("chartSummary", { title, count: rows.length })}
          className="rounded focus-visible:outline-2 focus-visible:outline-blue-500"
        >
          {chart}
        </figure>
      )}
    </section>
  );
}
