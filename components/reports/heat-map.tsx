import { heatColour } from "@/components/reports/palette";
import type { ReportHeatCell } from "@/lib/reports/report.types";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Customer messages per weekday (rows) and hour (columns), darker for more; figures in each cell's title. */
export function HeatMap({ cells, weekdays }: { cells: ReportHeatCell[]; weekdays: string[] }) {
  const count = (weekday: number, hour: number) =>
    cells.find((cell) => cell.weekday === weekday && cell.hour === hour)?.customerMessages ?? 0;
  const max = Math.max(1, ...cells.map((cell) => cell.customerMessages));
  return (
    <div className="overflow-x-auto" aria-hidden="true">
      <div className="grid w-max gap-px text-[10px]" style={{ gridTemplateColumns: `2.5rem repeat(24, 1.25rem)` }}>
        <span />
        {HOURS.map((hour) => (
          <span key={hour} className="text-center text-slate-500">
            {hour % 3 === 0 ? hour : ""}
          </span>
        ))}
        {weekdays.map((name, index) => (
          <div key={name} className="contents">
            <span className="pr-1 text-right text-slate-600 dark:text-slate-300">{name}</span>
            {HOURS.map((hour) => {
              const value = count(index + 1, hour);
              return (
                <span
                  key={hour}
                  title={`${name} ${hour}:00 — ${value}`}
                  className="h-5 rounded-sm border border-slate-200 dark:border-slate-700"
                  style={{ background: heatColour(value / max) }}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
