import { describe, expect, it } from 'vitest';
import type { ImportReport, PolicyTask, PolicyTimelineEntry } from '../api';
import {
  canEditPolicy,
  importSummary,
  isMet,
  isOverdue,
  jurisdictionOptions,
  orderTasks,
  parseScore,
  scoreInput,
  scoreText,
  timelineYears,
  toggleChoice,
} from './model';

const words = {
  yes: '있음',
  no: '없음',
  unscored: '미평가',
  won: (n: number) => `${n.toLocaleString('ko-KR')}원`,
  months: (n: number) => `${n}개월`,
};

const task = (id: string, over: Partial<PolicyTask> = {}): PolicyTask => ({
  id,
  title: id,
  item_id: null,
  assignee: null,
  due_on: null,
  done: false,
  done_at: null,
  note: null,
  created_at: '2026-03-01T00:00:00Z',
  ...over,
});

describe('policy rules', () => {
  it('lets only advocates and the network admin edit', () => {
    expect(canEditPolicy(['advocate'])).toBe(true);
    expect(canEditPolicy(['network_admin', 'auditor'])).toBe(true);
    expect(canEditPolicy(['case_worker', 'org_admin', 'researcher'])).toBe(false);
  });

  it('reads a score from its field, refusing what is not a whole number or yes/no', () => {
    expect(parseScore('yes_no', 'yes')).toEqual({ ok: true, value: true });
    expect(parseScore('yes_no', 'no')).toEqual({ ok: true, value: false });
    expect(parseScore('yes_no', 'maybe')).toEqual({ ok: false, error: 'yesNo' });
    expect(parseScore('amount', '900,000원')).toEqual({ ok: true, value: 900000 });
    expect(parseScore('amount', ' 1 200 000 ')).toEqual({ ok: true, value: 1200000 });
    expect(parseScore('months', '12개월')).toEqual({ ok: true, value: 12 });
    expect(parseScore('amount', '-5')).toEqual({ ok: false, error: 'whole' });
    expect(parseScore('months', '1.5')).toEqual({ ok: false, error: 'whole' });
    expect(parseScore('amount', '')).toEqual({ ok: true, value: null });
    expect(scoreInput('yes_no', false)).toBe('no');
    expect(scoreInput('amount', 900000)).toBe('900000');
    expect(scoreInput('months', null)).toBe('');
  });

  it('writes a score in words, amounts in won and durations in months', () => {
    expect(scoreText('yes_no', true, words)).toBe('있음');
    expect(scoreText('yes_no', false, words)).toBe('없음');
    expect(scoreText('amount', 900000, words)).toBe('900,000원');
    expect(scoreText('months', 12, words)).toBe('12개월');
    expect(scoreText('amount', null, words)).toBe('미평가');
    expect(isMet('amount', 0)).toBe(false);
    expect(isMet('months', 6)).toBe(true);
    expect(isMet('yes_no', null)).toBe(false);
  });

  it('puts her own open tasks first, then by due date, done ones last', () => {
    const mine = { id: 'u-adv', username: 'advocate' };
    const other = { id: 'u-x', username: 'x' };
    const ordered = orderTasks(
      [
        task('done', { done: true, assignee: mine, due_on: '2026-01-01' }),
        task('other-soon', { assignee: other, due_on: '2026-03-02' }),
        task('mine-late', { assignee: mine, due_on: '2026-04-01' }),
        task('mine-undated', { assignee: mine }),
        task('mine-soon', { assignee: mine, due_on: '2026-03-05' }),
      ],
      'u-adv',
    );
    expect(ordered.map((t) => t.id)).toEqual([
      'mine-soon',
      'mine-late',
      'mine-undated',
      'other-soon',
      'done',
    ]);
    expect(isOverdue(task('a', { due_on: '2026-03-01' }), '2026-03-02')).toBe(true);
    expect(isOverdue(task('a', { due_on: '2026-03-01', done: true }), '2026-03-02')).toBe(false);
  });

  it('groups the timeline by year, newest first', () => {
    const e = (on: string): PolicyTimelineEntry => ({
      on,
      item_id: on,
      title: on,
      kind: 'ordinance',
      jurisdiction: 'KR-41',
      jurisdiction_name: '경기도',
      region: 'KR-41',
      status: 'enacted',
    });
    const years = timelineYears([e('2024-05-01'), e('2021-12-30'), e('2021-03-01')]);
    expect(years.map(([y, list]) => [y, list.length])).toEqual([
      ['2024', 1],
      ['2021', 2],
    ]);
  });

  it('offers the nation, then each region with its municipalities', () => {
    const j = (
      code: string,
      level: 'nation' | 'region' | 'municipality',
      parent: string | null,
    ) => ({
      code,
      level,
      name_ko: code,
      name_en: code,
      parent,
    });
    const list = jurisdictionOptions([
      j('45110', 'municipality', 'KR-45'),
      j('KR-45', 'region', 'KR'),
      j('41110', 'municipality', 'KR-41'),
      j('KR-41', 'region', 'KR'),
      j('KR', 'nation', null),
    ]);
    expect(list.map((x) => x.code)).toEqual(['KR', 'KR-41', '41110', 'KR-45', '45110']);
  });

  it('sums an import and orders the refused rows', () => {
    const report: ImportReport = {
      result: 'changed',
      rows: 10,
      created: 3,
      updated: 1,
      unchanged: 4,
      refused: [
        { row: 9, reason: 'malformed', message: '' },
        { row: 4, reason: 'unknown_jurisdiction', message: '' },
      ],
    };
    const s = importSummary(report);
    expect(s.accepted).toBe(4);
    expect(s.unchanged).toBe(4);
    expect(s.refused.map((r) => r.row)).toEqual([4, 9]);
  });

  it('compares at most ten ordinances', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `o${i}`);
    expect(toggleChoice(ten, 'o11')).toHaveLength(10);
    expect(toggleChoice(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleChoice(['a', 'b'], 'a')).toEqual(['b']);
  });
});
