import { describe, expect, it } from 'vitest';
import { periodEnd, quarterOf, recentPeriods } from './periods';

describe('report periods', () => {
  it('puts a day in its quarter', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });
  it('ends quarters and years on their last day', () => {
    expect(periodEnd('2026-Q1')).toBe('2026-03-31');
    expect(periodEnd('2024-Q1')).toBe('2024-03-31');
    expect(periodEnd('2026-Q2')).toBe('2026-06-30');
    expect(periodEnd('2026')).toBe('2026-12-31');
  });
  it('lists this year’s quarters so far and last year’s, newest first, a year after its Q4', () => {
    expect(recentPeriods('2026-08-15')).toEqual([
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
    expect(recentPeriods('2026-12-03').slice(0, 3)).toEqual(['2026', '2026-Q4', '2026-Q3']);
  });
});
