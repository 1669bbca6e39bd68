// A trend over months, quarters or years: a line through the shown counts, a dot per period,
// a gap where a cell is hidden. The table beside it has the same numbers.
import { useId } from 'react';

export interface TrendPoint {
  label: string;
  value: number | null; // null: hidden
}

const W = 640;
const H = 220;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };

export function TrendChart({
  title,
  points,
  num,
}: {
  title: string;
  points: TrendPoint[];
  num: (n: number) => string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const step = points.length > 1 ? (W - PAD.left - PAD.right) / (points.length - 1) : 0;
  const x = (i: number) =>
    PAD.left + (points.length > 1 ? i * step : (W - PAD.left - PAD.right) / 2);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  // Runs of shown values, so a hidden period breaks the line instead of bridging it.
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i)},${y(p.value)}`);
  });
  if (run.length) runs.push(run.join(' '));
  // Label at most about eight periods along the bottom, always the first and the last.
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg className="trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{title}</title>
      <line className="axis" x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} />
      <text className="chart-text" x={PAD.left - 6} y={y(max) + 4} textAnchor="end">
        {num(max)}
      </text>
      <text className="chart-text" x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
        0
      </text>
      {runs.map((r) => (
        <polyline key={r} className="trend-line" points={r} />
      ))}
      {points.map((p, i) =>
        p.value === null ? (
          <text
            key={p.label}
            className="chart-text hidden-mark"
            x={x(i)}
            y={y(0) - 6}
            textAnchor="middle"
          >
            ?
          </text>
        ) : (
          <circle key={p.label} className="trend-dot" cx={x(i)} cy={y(p.value)} r={3.5} />
        ),
      )}
      {points.map((p, i) =>
        i % every === 0 || i === points.length - 1 ? (
          <text key={`l-${p.label}`} className="chart-text" x={x(i)} y={H - 12} textAnchor="middle">
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
