// A plain horizontal bar chart in SVG: one bar per series in each row (e.g. time to acknowledge
// and to resolve a rescue request; a worker's open and high-risk cases),
// values written next to the bars, a legend in words. Screen readers get the chart's name and
// the table beside it (the same numbers), not the drawing.
import { useId } from 'react';

export interface BarRow {
  label: string;
  values: (number | null)[]; // minutes, one per series
}

interface Props {
  title: string;
  series: string[];
  rows: BarRow[];
  format: (v: number) => string;
  none: string;
}

const LABEL_W = 170;
const BAR_W = 330;
const VALUE_W = 90;
const BAR_H = 14;
const GAP = 4;
const ROW_PAD = 12;

export function BarChart({ title, series, rows, format, none }: Props) {
  const titleId = useId();
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const rowH = series.length * (BAR_H + GAP) + ROW_PAD;
  const legendH = 24;
  const height = legendH + rows.length * rowH;
  const width = LABEL_W + BAR_W + VALUE_W;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={titleId}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{title}</title>
      <g>
        {series.map((s, i) => (
          <g key={s} transform={`translate(${LABEL_W + i * 160}, 4)`}>
            <rect className={`bar bar-${i}`} width={12} height={12} />
            <text className="chart-text" x={18} y={11}>
              {s}
            </text>
          </g>
        ))}
      </g>
      {rows.map((row, r) => {
        const y0 = legendH + r * rowH;
        return (
          <g key={row.label} transform={`translate(0, ${y0})`}>
            <text className="chart-text" x={0} y={(series.length * (BAR_H + GAP)) / 2 + 4}>
              {row.label.length > 14 ? `${row.label.slice(0, 13)}…` : row.label}
            </text>
            {row.values.map((v, i) => {
              const w = v === null ? 0 : Math.max(2, (v / max) * BAR_W);
              const y = i * (BAR_H + GAP);
              return (
                <g key={i}>
                  <rect className={`bar bar-${i}`} x={LABEL_W} y={y} width={w} height={BAR_H} />
                  <text className="chart-text" x={LABEL_W + w + 6} y={y + BAR_H - 2}>
                    {v === null ? none : format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
