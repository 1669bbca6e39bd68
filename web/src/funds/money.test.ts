import { describe, expect, it } from 'vitest';
import {
  budgetShares,
  draftsFromRules,
  monthlyRows,
  percentOf,
  ruleChanges,
  rulesFromDrafts,
} from './money';

describe('fund rules in a form', () => {
  it('round-trips the kinds a source pays and leaves the others out', () => {
    const rules = {
      living_costs: {
        monthly: 1000000,
        max_months: 24,
        per_child: 100000,
        cap: null,
        committee: false,
        clawback: false,
      },
      grant: { cap: 5000000, committee: true, clawback: true },
    };
    const drafts = draftsFromRules(rules);
    expect(drafts.training.on).toBe(false);
    expect(drafts.living_costs.cap).toBe('');
    expect(drafts.grant.cap).toBe('5000000');
    expect(rulesFromDrafts(drafts)).toEqual({
      living_costs: {
        monthly: 1000000,
        max_months: 24,
        per_child: 100000,
        committee: false,
        clawback: false,
      },
      grant: { cap: 5000000, committee: true, clawback: true },
    });
  });

  it('reads amounts typed with commas and won, and sends other text for the server to name', () => {
    const drafts = draftsFromRules({});
    drafts.training = { ...drafts.training, on: true, cap: '7,200,000원', monthly: '5' };
    drafts.medical = { ...drafts.medical, on: true, cap: 'lots' };
    expect(rulesFromDrafts(drafts)).toEqual({
      training: { cap: 7200000, committee: false, clawback: false },
      medical: { cap: 'lots', committee: false, clawback: false },
    });
  });
});

describe('monthly totals', () => {
  it('gives one row per month and one value per kind present', () => {
    const { kinds, rows } = monthlyRows([
      { month: '2026-04', kind: 'training', paid: 300 },
      { month: '2026-03', kind: 'living_costs', paid: 1000 },
      { month: '2026-04', kind: 'living_costs', paid: 1100 },
    ]);
    expect(kinds).toEqual(['living_costs', 'training']);
    expect(rows).toEqual([
      { month: '2026-03', values: [1000, 0] },
      { month: '2026-04', values: [1100, 300] },
    ]);
  });
});

describe('shares', () => {
  it('bounds percentages and makes the budget bar add to 100', () => {
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(150, 100)).toBe(100);
    expect(budgetShares({ budget: 1000, spent: 333, pending: 334 })).toEqual({
      spent: 33,
      pending: 33,
      remaining: 34,
    });
    expect(budgetShares({ budget: 100, spent: 90, pending: 30 })).toEqual({
      spent: 90,
      pending: 10,
      remaining: 0,
    });
  });
});

describe('what a new version of a source changed', () => {
  const v1 = {
    name: 'A시 자립지원금',
    year: 2026,
    budget: 100000000,
    rules: {
      housing_deposit: { cap: 7000000, committee: true, clawback: true },
      living_costs: { monthly: 1000000, max_months: 12, per_child: 100000, cap: null },
    },
  };
  it('names each changed amount or flag with its kind', () => {
    const v2 = {
      ...v1,
      budget: 120000000,
      rules: {
        housing_deposit: { cap: 14000000, committee: true, clawback: true },
        living_costs: { monthly: 1000000, max_months: 24, per_child: 100000, cap: null },
      },
    };
    expect(ruleChanges(v1, v2)).toEqual([
      { what: 'budget', before: 100000000, after: 120000000 },
      { what: 'rule', kind: 'living_costs', field: 'max_months', before: 12, after: 24 },
      { what: 'rule', kind: 'housing_deposit', field: 'cap', before: 7000000, after: 14000000 },
    ]);
  });
  it('reports a kind switched on or off once, and nothing when nothing changed', () => {
    const v2 = { ...v1, rules: { housing_deposit: v1.rules.housing_deposit, grant: { cap: 5 } } };
    expect(ruleChanges(v1, v2)).toEqual([
      { what: 'kindRemoved', kind: 'living_costs' },
      { what: 'kindAdded', kind: 'grant' },
    ]);
    expect(ruleChanges(v1, v1)).toEqual([]);
  });
  it('treats a missing cap and a null cap alike', () => {
    const v2 = {
      ...v1,
      rules: { ...v1.rules, living_costs: { monthly: 1000000, max_months: 12, per_child: 100000 } },
    };
    expect(ruleChanges(v1, v2)).toEqual([]);
  });
});
