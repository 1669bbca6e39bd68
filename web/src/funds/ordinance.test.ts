import { describe, expect, it } from 'vitest';
import { draftsFromRules } from './money';
import { applyOrdinance, fillsSomething } from './ordinance';

describe('an ordinance’s amounts in a source’s rules', () => {
  it('switches on the kinds it names and writes only the fields it gives', () => {
    const before = draftsFromRules({
      living_costs: { monthly: 500_000, max_months: 6, per_child: 100_000, committee: true },
      training: { cap: 3_000_000 },
    });
    const after = applyOrdinance(before, {
      living_cost_amount: 1_000_000,
      living_cost_months: 24,
      housing_amount: 7_000_000,
      self_reliance_grant: 0,
      job_training: 1,
    });
    expect(after.living_costs).toMatchObject({
      on: true,
      monthly: '1000000',
      max_months: '24',
      per_child: '100000',
      committee: true,
    });
    expect(after.housing_deposit).toMatchObject({ on: true, cap: '7000000' });
    // 0 means the ordinance has no grant: the kind stays as it was (off).
    expect(after.grant.on).toBe(false);
    expect(after.training).toEqual(before.training);
    // The drafts given are not changed.
    expect(before.housing_deposit.on).toBe(false);
  });

  it('offers to fill only when a mapped amount is there', () => {
    expect(fillsSomething({ housing_amount: 7_000_000 })).toBe(true);
    expect(fillsSomething({ self_reliance_grant: 0, counselling_hours: 12 })).toBe(false);
  });
});
