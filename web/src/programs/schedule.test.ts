import type { AttendanceRow } from '../api';
import {
  addDays,
  countMarks,
  errorsByRow,
  expandSchedule,
  formatRate,
  koreaToUtc,
  marksChanged,
  marksOf,
  marksToSend,
  markRestPresent,
  passState,
  seoulDate,
} from './schedule';

describe('koreaToUtc', () => {
  it('takes nine hours off Korea time', () => {
    expect(koreaToUtc('2026-03-02', '10:00')).toBe('2026-03-02T01:00:00Z');
    expect(koreaToUtc('2026-03-02', '08:30')).toBe('2026-03-01T23:30:00Z');
  });
  it('refuses what is not a day or a time', () => {
    expect(koreaToUtc('2026-02-31', '10:00')).toBeNull();
    expect(koreaToUtc('2026-03-02', '25:00')).toBeNull();
    expect(koreaToUtc('', '10:00')).toBeNull();
  });
});

describe('seoulDate', () => {
  it('is the day in Korea, nine hours ahead of UTC', () => {
    expect(seoulDate('2026-03-02T14:59:00Z')).toBe('2026-03-02');
    expect(seoulDate('2026-03-02T15:00:00Z')).toBe('2026-03-03');
    expect(seoulDate('not a time')).toBe('');
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('expandSchedule', () => {
  // 2026-03-02 is a Monday.
  const base = { firstDay: '2026-03-02', weekdays: [1, 3], weeks: 2, time: '10:00', minutes: 120 };

  it('gives one session per chosen weekday in each week, oldest first', () => {
    const r = expandSchedule(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sessions.map((s) => s.starts_at)).toEqual([
      '2026-03-02T01:00:00Z',
      '2026-03-04T01:00:00Z',
      '2026-03-09T01:00:00Z',
      '2026-03-11T01:00:00Z',
    ]);
    expect(r.sessions.every((s) => s.minutes === 120 && s.topic === undefined)).toBe(true);
  });

  it('starts on the first day even mid-week and numbers the topic', () => {
    // Thursday 2026-03-05, Tuesdays and Thursdays for one week: Thu 5, Tue 10.
    const r = expandSchedule({
      ...base,
      firstDay: '2026-03-05',
      weekdays: [2, 4],
      weeks: 1,
      topic: ' 제빵 ',
    });
    expect(r).toEqual({
      ok: true,
      sessions: [
        { starts_at: '2026-03-05T01:00:00Z', minutes: 120, topic: '제빵 (1)' },
        { starts_at: '2026-03-10T01:00:00Z', minutes: 120, topic: '제빵 (2)' },
      ],
    });
  });

  it('keeps a single session’s topic as typed', () => {
    const r = expandSchedule({ ...base, weekdays: [1], weeks: 1, topic: '오리엔테이션' });
    expect(r.ok && r.sessions).toEqual([
      { starts_at: '2026-03-02T01:00:00Z', minutes: 120, topic: '오리엔테이션' },
    ]);
  });

  it('names what is wrong', () => {
    expect(expandSchedule({ ...base, firstDay: '' })).toEqual({ ok: false, problem: 'firstDay' });
    expect(expandSchedule({ ...base, weekdays: [] })).toEqual({ ok: false, problem: 'weekdays' });
    expect(expandSchedule({ ...base, weeks: 0 })).toEqual({ ok: false, problem: 'weeks' });
    expect(expandSchedule({ ...base, weeks: 1.5 })).toEqual({ ok: false, problem: 'weeks' });
    expect(expandSchedule({ ...base, time: '9시' })).toEqual({ ok: false, problem: 'time' });
    expect(expandSchedule({ ...base, minutes: 0 })).toEqual({ ok: false, problem: 'minutes' });
    // Every day for 30 weeks is 210 sessions, more than one request takes.
    expect(expandSchedule({ ...base, weekdays: [0, 1, 2, 3, 4, 5, 6], weeks: 30 })).toEqual({
      ok: false,
      problem: 'tooMany',
    });
  });

  it('takes the most one request may carry', () => {
    const r = expandSchedule({ ...base, weekdays: [1, 2, 3, 4], weeks: 50 });
    expect(r.ok && r.sessions.length).toBe(200);
  });
});

describe('rates', () => {
  it('formats a rate as a whole percent, or a dash before any session', () => {
    expect(formatRate(87.5)).toBe('88%');
    expect(formatRate(100)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('–');
    expect(formatRate(Number.NaN)).toBe('–');
  });
});

describe('passState', () => {
  const e = (
    status: 'active' | 'completed' | 'dropped',
    passed: boolean | null,
    rate: number | null,
  ) => ({
    status,
    passed,
    attendance: { rate },
  });
  it('takes the server’s word once she has finished', () => {
    expect(passState(e('completed', true, 90), 80)).toBe('passed');
    expect(passState(e('completed', false, 60), 80)).toBe('failed');
    expect(passState(e('dropped', false, 95), 80)).toBeNull();
  });
  it('compares her rate so far with the pass rate while she attends', () => {
    expect(passState(e('active', null, 80), 80)).toBe('onTrack');
    expect(passState(e('active', null, 79), 80)).toBe('behind');
    expect(passState(e('active', null, null), 80)).toBe('pending');
    // Her page does not know the program's pass rate.
    expect(passState(e('active', null, 90))).toBe('pending');
    expect(passState(e('active', null, 90), null)).toBe('pending');
  });
});

describe('attendance marks', () => {
  const rows: AttendanceRow[] = [
    { enrollment_id: 'e1', person_label: '수진', status: null },
    { enrollment_id: 'e2', person_label: '민지', status: 'absent' },
    { enrollment_id: 'e3', person_label: '하늘', status: null },
  ];

  it('counts what is marked', () => {
    const c = countMarks(marksOf(rows));
    expect(c.marked).toBe(1);
    expect(c.total).toBe(3);
    expect(c.by.absent).toBe(1);
  });

  it('marks the rest present and keeps the marks given', () => {
    const m = markRestPresent(marksOf(rows));
    expect(m).toEqual({ e1: 'present', e2: 'absent', e3: 'present' });
    expect(countMarks(m).marked).toBe(3);
  });

  it('sends every marked row in the order of the sheet', () => {
    const m = { ...marksOf(rows), e3: 'late' as const };
    expect(marksToSend(rows, m)).toEqual([
      { enrollment_id: 'e2', status: 'absent' },
      { enrollment_id: 'e3', status: 'late' },
    ]);
  });

  it('knows when the sheet differs from what is saved', () => {
    expect(marksChanged(rows, marksOf(rows))).toBe(false);
    expect(marksChanged(rows, { ...marksOf(rows), e1: 'present' })).toBe(true);
  });
});

describe('errorsByRow', () => {
  it('puts the server’s reason for a mark on the row it was sent for', () => {
    const sent = [{ enrollment_id: 'e1' }, { enrollment_id: 'e2' }];
    expect(
      errorsByRow(
        {
          'marks.1.enrollment_id': '수강생이 아닙니다.',
          'marks.1.status': '잘못된 표시',
          other: 'x',
        },
        sent,
      ),
    ).toEqual({ e2: '수강생이 아닙니다. 잘못된 표시' });
    expect(errorsByRow({ 'marks.5.status': 'x' }, sent)).toEqual({});
  });
});
