import { describe, expect, it } from 'vitest';
import type { StatsAnswer } from '../api';
import { shade } from './RegionMap';
import {
  cellText,
  firstDimensions,
  oneWay,
  presetPeriod,
  secondDimensions,
  twoWay,
} from './tables';

const answer = (rows: StatsAnswer['rows']): StatsAnswer => ({
  rows,
  k: 5,
  from: '2025-01-01',
  to: '2025-12-31',
  by: ['region'],
  measure: 'services',
  unit: 'services',
});

describe('periods', () => {
  it('names this year, last year, the last full quarter and the last 12 months', () => {
    expect(presetPeriod('this_year', '2026-12-02')).toEqual({
      from: '2026-01-01',
      to: '2026-12-02',
    });
    expect(presetPeriod('last_year', '2026-12-02')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(presetPeriod('last_quarter', '2026-12-02')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(presetPeriod('last_quarter', '2026-02-10')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(presetPeriod('last_quarter', '2026-04-01')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(presetPeriod('last_12_months', '2026-05-20')).toEqual({
      from: '2025-06-01',
      to: '2026-05-20',
    });
    expect(presetPeriod('last_12_months', '2026-12-02')).toEqual({
      from: '2026-01-01',
      to: '2026-12-02',
    });
  });
});

describe('dimensions', () => {
  it('offers the network only what it counts, and organizations alone', () => {
    expect(firstDimensions('network')).toContain('organization');
    expect(firstDimensions('network')).not.toContain('legal_kind');
    expect(secondDimensions('network', 'organization')).toEqual([]);
  });
  it('never crosses two periods, two multiple-answer fields or a dimension with itself', () => {
    const second = secondDimensions('own', 'month');
    expect(second).not.toContain('quarter');
    expect(second).not.toContain('month');
    expect(second).toContain('service_type');
    expect(secondDimensions('own', 'situation')).not.toContain('category');
    expect(secondDimensions('own', 'legal_kind')).toEqual(['legal_outcome', 'legal_status']);
    expect(secondDimensions('own', 'emergency_response')).toEqual([]);
  });
});

describe('tables', () => {
  it('reads a hidden cell as fewer than k, never as a number', () => {
    const num = (n: number) => String(n);
    expect(cellText({ key: 'a', count: null, suppressed: true }, 5, num)).toBe('<5');
    expect(cellText({ key: 'a', count: 0, suppressed: false }, 5, num)).toBe('0');
    expect(cellText(undefined, 5, num)).toBe('–');
  });
  it('splits a one-way answer into its cells and its total', () => {
    const t = oneWay(
      answer([
        { key: 'KR-11', count: 7, suppressed: false },
        { key: 'KR-26', count: null, suppressed: true },
        { key: null, count: 9, suppressed: false },
      ]),
    );
    expect(t.cells.map((c) => c.key)).toEqual(['KR-11', 'KR-26']);
    expect(t.total?.count).toBe(9);
  });
  it('lays a two-way answer out by rows and columns with their totals', () => {
    const t = twoWay(
      answer([
        { key: ['KR-11', 'counseling'], count: 7, suppressed: false },
        { key: ['KR-11', 'medical'], count: 0, suppressed: false },
        { key: ['KR-26', 'counseling'], count: null, suppressed: true },
        { key: ['KR-26', 'medical'], count: null, suppressed: true },
        { key: ['KR-11', null], count: 7, suppressed: false },
        { key: ['KR-26', null], count: null, suppressed: true },
        { key: [null, 'counseling'], count: 9, suppressed: false },
        { key: [null, 'medical'], count: null, suppressed: true },
        { key: [null, null], count: 11, suppressed: false },
      ]),
    );
    expect(t.rowKeys).toEqual(['KR-11', 'KR-26']);
    expect(t.colKeys).toEqual(['counseling', 'medical']);
    expect(t.cell('KR-11', 'counseling')?.count).toBe(7);
    expect(t.cell('KR-26', null)?.suppressed).toBe(true);
    expect(t.cell(null, null)?.count).toBe(11);
  });
  it('shades regions by their share of the largest', () => {
    expect(shade(0, 10)).toBe(0);
    expect(shade(1, 10)).toBe(1);
    expect(shade(10, 10)).toBe(4);
    expect(shade(6, 10)).toBe(3);
  });
});
