// Statistics (docs/api-stats.md): an organization's own figures, and the network's figures with
// small cells hidden. Answers carry counts only, never a record or a name.
import { request, type ApiResult } from './client';

export type StatsScope = 'own' | 'network';
export type StatsMeasure = 'services' | 'people';
export type StatsUnit =
  | 'services'
  | 'people'
  | 'mentions'
  | 'matters'
  | 'requests'
  | 'referrals'
  | 'stays'
  | 'nights'
  | 'won';

// One cell: a one-way table keys by the value (null: the total); a two-way table by [row, column]
// ([a, null] the row's total, [null, b] the column's, [null, null] the grand total).
export type StatsKey = string | null | [string | null, string | null];

export interface StatsRow {
  key: StatsKey;
  count: number | null; // null exactly when suppressed
  suppressed: boolean;
}

export interface StatsAnswer {
  rows: StatsRow[];
  k?: number; // network only
  from: string;
  to: string;
  by: string[];
  measure: StatsMeasure;
  unit: StatsUnit;
  // Figures some tables add (emergency response times, referral answer times), in seconds.
  [extra: string]: unknown;
}

export interface StatsQuery {
  from: string;
  to: string;
  by: string[];
  measure: StatsMeasure;
}

export function getStats(scope: StatsScope, q: StatsQuery): Promise<ApiResult<StatsAnswer>> {
  const params = new URLSearchParams({
    from: q.from,
    to: q.to,
    by: q.by.join(','),
    measure: q.measure,
  });
  return request('GET', `/api/v1/stats/${scope}?${params}`);
}

export function getStatsSettings(): Promise<ApiResult<{ k: number }>> {
  return request('GET', '/api/v1/stats/settings');
}
