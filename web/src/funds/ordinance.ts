// From an ordinance's amounts to a funding source's rules: which scorecard criterion fills which
// field of which kind. Only the four criteria the network's checklist has always had map to a
// rule; an amount criterion the network adds later is shown but fills nothing, because nobody
// can tell from its name which rule it belongs to.
import type { FundKind } from '../api';
import type { RuleDraft, RuleDrafts } from './money';

export interface OrdinanceFill {
  criterion: string;
  kind: FundKind;
  field: 'monthly' | 'max_months' | 'cap';
}

export const ORDINANCE_FILLS: readonly OrdinanceFill[] = [
  { criterion: 'living_cost_amount', kind: 'living_costs', field: 'monthly' },
  { criterion: 'living_cost_months', kind: 'living_costs', field: 'max_months' },
  { criterion: 'housing_amount', kind: 'housing_deposit', field: 'cap' },
  { criterion: 'self_reliance_grant', kind: 'grant', field: 'cap' },
];

// The drafts with the ordinance's amounts written in: each kind it names is switched on, the
// fields it gives are replaced, everything else (flags, other kinds, fields it does not give)
// is left as the user had it.
export function applyOrdinance(drafts: RuleDrafts, amounts: Record<string, number>): RuleDrafts {
  const out = { ...drafts };
  for (const { criterion, kind, field } of ORDINANCE_FILLS) {
    const value = amounts[criterion];
    if (value === undefined || value <= 0) continue;
    const patch: Partial<RuleDraft> = { on: true, [field]: String(value) };
    out[kind] = { ...out[kind], ...patch };
  }
  return out;
}

// Whether applying would change anything (the button is offered only then).
export function fillsSomething(amounts: Record<string, number>): boolean {
  return ORDINANCE_FILLS.some(({ criterion }) => (amounts[criterion] ?? 0) > 0);
}
