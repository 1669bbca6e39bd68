// The statistics screen's pure parts: which tables each scope offers, how an answer's rows become
// a one-way or a two-way table, what a hidden cell reads as, and the period presets.
import type { StatsAnswer, StatsKey, StatsRow, StatsScope } from '../api';

export const TIME_DIMENSIONS = ['month', 'quarter', 'year'] as const;

// Dimensions that can stand alone or be crossed with one another (docs/api-stats.md).
const NETWORK_CROSSABLE = [
  ...TIME_DIMENSIONS,
  'service_type',
  'region',
  'org_kind',
  'situation',
] as const;
const OWN_CROSSABLE = [
  ...TIME_DIMENSIONS,
  'service_type',
  'intake_channel',
  'situation',
  'category',
  'age_band',
  'nationality',
  'region',
] as const;
// Legal matters cross only among themselves.
const OWN_LEGAL = ['legal_kind', 'legal_outcome', 'legal_status'] as const;
// Tables of their own shape: alone, with their own unit; services/people does not apply.
const OWN_OWN_SHAPE = [
  'emergency_response',
  'referral_outcome',
  'shelter_exit_destination',
  'shelter_nights',
  'fund_source_kind',
] as const;

export type Dimension =
  | (typeof NETWORK_CROSSABLE)[number]
  | (typeof OWN_CROSSABLE)[number]
  | (typeof OWN_LEGAL)[number]
  | (typeof OWN_OWN_SHAPE)[number]
  | 'organization';

export function firstDimensions(scope: StatsScope): readonly Dimension[] {
  return scope === 'network'
    ? [...NETWORK_CROSSABLE, 'organization']
    : [...OWN_CROSSABLE, ...OWN_LEGAL, ...OWN_OWN_SHAPE];
}

// What may be crossed with `first` (empty: it stands alone). Two periods, two multi-choice
// fields or the same dimension twice are refused by the server, so they are not offered.
export function secondDimensions(scope: StatsScope, first: Dimension): readonly Dimension[] {
  const multi = ['situation', 'category'];
  const isTime = (d: string) => (TIME_DIMENSIONS as readonly string[]).includes(d);
  const pool: readonly Dimension[] =
    scope === 'network'
      ? (NETWORK_CROSSABLE as readonly Dimension[]).includes(first)
        ? NETWORK_CROSSABLE
        : []
      : (OWN_CROSSABLE as readonly Dimension[]).includes(first)
        ? OWN_CROSSABLE
        : (OWN_LEGAL as readonly Dimension[]).includes(first)
          ? OWN_LEGAL
          : [];
  return pool.filter(
    (d) =>
      d !== first && !(isTime(d) && isTime(first)) && !(multi.includes(d) && multi.includes(first)),
  );
}

export function measurable(first: Dimension): boolean {
  return !(OWN_OWN_SHAPE as readonly string[]).includes(first);
}

// A hidden cell reads "<k" (fewer than k, more than none); a shown one as the number.
export function cellText(
  row: StatsRow | undefined,
  k: number | undefined,
  num: (n: number) => string,
) {
  if (!row) return '–';
  if (row.suppressed || row.count === null) return `<${k ?? 5}`;
  return num(row.count);
}

export interface OneWay {
  cells: (StatsRow & { key: string })[];
  total: StatsRow | undefined;
}

export function oneWay(answer: StatsAnswer): OneWay {
  const cells = answer.rows.filter(
    (r): r is StatsRow & { key: string } => typeof r.key === 'string',
  );
  return { cells, total: answer.rows.find((r) => r.key === null) };
}

export interface TwoWay {
  rowKeys: string[];
  colKeys: string[];
  cell: (row: string | null, col: string | null) => StatsRow | undefined;
}

export function twoWay(answer: StatsAnswer): TwoWay {
  const byKey = new Map<string, StatsRow>();
  const rowKeys: string[] = [];
  const colKeys: string[] = [];
  const id = (a: string | null, b: string | null) => JSON.stringify([a, b]);
  for (const r of answer.rows) {
    if (!Array.isArray(r.key)) continue;
    const [a, b] = r.key;
    byKey.set(id(a, b), r);
    if (a !== null && !rowKeys.includes(a)) rowKeys.push(a);
    if (b !== null && !colKeys.includes(b)) colKeys.push(b);
  }
  return { rowKeys, colKeys, cell: (a, b) => byKey.get(id(a, b)) };
}

export function isTwoWay(answer: StatsAnswer): boolean {
  return answer.rows.some((r: { key: StatsKey }) => Array.isArray(r.key));
}

// Periods people report on: this year so far, last year, the last full quarter, the last 12
// months. `today` is a Korean date (YYYY-MM-DD).
export type Preset = 'this_year' | 'last_year' | 'last_quarter' | 'last_12_months';
export const PRESETS: readonly Preset[] = [
  'this_year',
  'last_year',
  'last_quarter',
  'last_12_months',
];

export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  switch (preset) {
    case 'this_year':
      return { from: `${y}-01-01`, to: today };
    case 'last_year':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'last_quarter': {
      const q = Math.floor((m - 1) / 3); // this quarter, 0-based
      const year = q === 0 ? y - 1 : y;
      const first = q === 0 ? 10 : (q - 1) * 3 + 1;
      return {
        from: `${year}-${pad(first)}-01`,
        to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
      };
    }
    case 'last_12_months': {
      const fromMonth = m === 12 ? 1 : m + 1;
      const fromYear = m === 12 ? y : y - 1;
      return { from: `${fromYear}-${pad(fromMonth)}-01`, to: today };
    }
  }
}
