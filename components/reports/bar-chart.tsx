import { SERIES_COLOURS } from "@/components/reports/palette";

export type BarSeries = { key: string; label: string };
/** `values` may carry other fields (a report row as it is); only the series' numbers are drawn. */
export type BarRow = { label: string; values: Readonly<Record<string, number | string>> };

const figure = (row: BarRow, key: string) => {
  const value = row.values[key];
  return typeof value === "number" ? value : 0;
};

const HEIGHT = 180;
const LABEL_SPACE = 28;

/**
 * Grouped vertical bars in plain SVG: one group per row, one bar per series, each bar titled with
 * its figure for pointer users; the figures themselves are in the section's table view.
 */
export function BarChart({ rows, series }: { rows: BarRow[]; series: BarSeries[] }) {
  const max = Math.max(1, ...rows.flatMap((row) => series.map((item) => figure(row, item.key))));
  const groupWidth = Math.max(24, series.length * 10 + 8);
  const width = Math.max(240, rows.length * groupWidth);
  const barWidth = (groupWidth - 8) / series.length;
  return (
    <div>
      <ul className="mb-2 flex flex-wrap gap-3 text-xs" aria-hidden="true">
        {series.map((item, index) => (
          <li key={item.key} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: SERIES_COLOURS[index] }} />
            {item.label}
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto">
        <svg
          width={width}
          height={HEIGHT + LABEL_SPACE}
          viewBox={`0 0 ${width} ${HEIGHT + LABEL_SPACE}`}
          className="text-slate-600 dark:text-slate-300"
          aria-hidden="true"
        >
          <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="currentColor" strokeOpacity={0.3} />
          {rows.map((row, rowIndex) => (
            <g key={row.label} transform={`translate(${rowIndex * groupWidth + 4},0)`}>
              {series.map((item, index) => {
                const value = figure(row, item.key);
                const height = (value / max) * (HEIGHT - 8);
                return (
                  <rect
                    key={item.key}
                    x={index * barWidth}
                    y={HEIGHT - height}
                    width={Math.max(1, barWidth - 1)}
                    height={height}
                    fill={SERIES_COLOURS[index]}
                  >
                    <title>{`${row.label} · ${item.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {(rows.length <= 12 || rowIndex % Math.ceil(rows.length / 12) === 0) && (
                <text x={0} y={HEIGHT + 16} fontSize={10} fill="currentColor">
                  {row.label}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
}
