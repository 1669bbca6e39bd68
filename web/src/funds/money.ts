// The pure parts of the fund screens: a source's rules as a form holds them (text per field)
// and back, monthly totals arranged for a chart, and how much of a budget or cap is used.
import type { FundKind, FundRules, FundingSource, KindRule, MonthlyTotal } from '../api';
import { FUND_KINDS } from '../api';
import { wholeNumber } from '../cases/forms';
import { currentLanguage } from '../i18n';
import { formatWon } from '../i18n/format';

// Amounts in the user's language: "1,000,000원" or "₩1,000,000".
export function useWon() {
  const lang = currentLanguage();
  return (n: number) => formatWon(n, lang);
}

// One kind's rule as typed: amounts as text ("" = not set), flags as booleans.
export interface RuleDraft {
  on: boolean;
  cap: string;
  monthly: string;
  max_months: string;
  per_child: string;
  committee: boolean;
  clawback: boolean;
}

export type RuleDrafts = Record<FundKind, RuleDraft>;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftsFromRules(rules: FundRules): RuleDrafts {
  const out = {} as RuleDrafts;
  for (const kind of FUND_KINDS) {
    const r = rules[kind];
    out[kind] = {
      on: r !== undefined,
      cap: text(r?.cap),
      monthly: text(r?.monthly),
      max_months: text(r?.max_months),
      per_child: text(r?.per_child),
      committee: r?.committee ?? false,
      clawback: r?.clawback ?? false,
    };
  }
  return out;
}

// The rules to send: only the kinds switched on; empty amounts left out (the server names a
// required one that is missing), text that is not a whole number sent as it is so the server
// names the field.
export function rulesFromDrafts(drafts: RuleDrafts): FundRules {
  const rules: FundRules = {};
  const num = (s: string): number | string | undefined => {
    const n = wholeNumber(s);
    return Number.isNaN(n) ? s : n;
  };
  for (const kind of FUND_KINDS) {
    const d = drafts[kind];
    if (!d.on) continue;
    const r: Record<string, unknown> = { committee: d.committee, clawback: d.clawback };
    const cap = num(d.cap);
    if (cap !== undefined) r.cap = cap;
    if (kind === 'living_costs') {
      for (const f of ['monthly', 'max_months', 'per_child'] as const) {
        const v = num(d[f]);
        if (v !== undefined) r[f] = v;
      }
    }
    rules[kind] = r as KindRule;
  }
  return rules;
}

// Monthly totals as rows of a chart: one row per month (oldest first), one value per kind that
// appears at all (in the order of FUND_KINDS).
export function monthlyRows(monthly: readonly MonthlyTotal[]): {
  kinds: FundKind[];
  rows: { month: string; values: number[] }[];
} {
  const kinds = FUND_KINDS.filter((k) => monthly.some((m) => m.kind === k));
  const months = [...new Set(monthly.map((m) => m.month))].sort();
  return {
    kinds,
    rows: months.map((month) => ({
      month,
      values: kinds.map((k) =>
        monthly.filter((m) => m.month === month && m.kind === k).reduce((s, m) => s + m.paid, 0),
      ),
    })),
  };
}

// Percent (0..100, whole) of a whole that a part takes; 0 for an empty whole.
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((part / whole) * 100)));
}

// A source's budget split for its bar: spent, pending and remaining in percent, adding to 100.
export function budgetShares(s: Pick<FundingSource, 'budget' | 'spent' | 'pending'>): {
  spent: number;
  pending: number;
  remaining: number;
} {
  const spent = percentOf(s.spent, s.budget);
  const pending = Math.min(100 - spent, percentOf(s.pending, s.budget));
  return { spent, pending, remaining: 100 - spent - pending };
}

// "2026-03" in Korea now.
export const seoulMonth = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7);

// What one version of a source changed from the one before, field by field, so the history
// reads as sentences ("주거 보증금 1인 총 한도: 7,000,000원 → 14,000,000원") rather than two
// blocks of numbers to compare by eye. A kind switched on or off is one change, not six.
export type RuleField = 'cap' | 'monthly' | 'max_months' | 'per_child' | 'committee' | 'clawback';
export type RuleChange =
  | { what: 'name'; before: string; after: string }
  | { what: 'year' | 'budget'; before: number; after: number }
  | { what: 'kindAdded' | 'kindRemoved'; kind: FundKind }
  | {
      what: 'rule';
      kind: FundKind;
      field: RuleField;
      before: number | boolean | null;
      after: number | boolean | null;
    };

const RULE_FIELDS: readonly RuleField[] = [
  'cap',
  'monthly',
  'max_months',
  'per_child',
  'committee',
  'clawback',
];

interface VersionShape {
  name: string;
  year: number;
  budget: number;
  rules: FundRules;
}

export function ruleChanges(before: VersionShape, after: VersionShape): RuleChange[] {
  const out: RuleChange[] = [];
  if (before.name !== after.name)
    out.push({ what: 'name', before: before.name, after: after.name });
  if (before.year !== after.year)
    out.push({ what: 'year', before: before.year, after: after.year });
  if (before.budget !== after.budget)
    out.push({ what: 'budget', before: before.budget, after: after.budget });
  for (const kind of FUND_KINDS) {
    const b = before.rules[kind];
    const a = after.rules[kind];
    if (!b && !a) continue;
    if (!b) out.push({ what: 'kindAdded', kind });
    else if (!a) out.push({ what: 'kindRemoved', kind });
    else
      for (const field of RULE_FIELDS) {
        const bv = b[field] ?? null;
        const av = a[field] ?? null;
        if (bv !== av) out.push({ what: 'rule', kind, field, before: bv, after: av });
      }
  }
  return out;
}
