import {
  addDays,
  addMonths,
  byDay,
  isDay,
  monthRange,
  seoulDay,
  seoulLocalToUtc,
  seoulMidnightUtc,
  seoulTime,
  weekRange,
} from './calendar';

describe('calendar in Korean time', () => {
  it('starts a Seoul day at 15:00 UTC the day before', () => {
    expect(seoulMidnightUtc('2026-03-01')).toBe('2026-02-28T15:00:00Z');
  });

  it('puts an instant on its Seoul day, not its UTC day', () => {
    expect(seoulDay('2026-02-28T15:30:00Z')).toBe('2026-03-01');
    expect(seoulDay('2026-02-28T14:59:00Z')).toBe('2026-02-28');
    expect(seoulTime('2026-02-28T15:30:00Z')).toBe('00:30');
  });

  it('turns a typed Seoul date and time into UTC', () => {
    expect(seoulLocalToUtc('2026-03-02', '10:30')).toBe('2026-03-02T01:30:00Z');
  });

  it('gives the Sunday-to-Saturday week around a day', () => {
    const w = weekRange('2026-03-04'); // a Wednesday
    expect(w.days).toHaveLength(1);
    expect(w.days[0]![0]).toBe('2026-03-01');
    expect(w.days[0]![6]).toBe('2026-03-07');
    expect(w.from).toBe('2026-02-28T15:00:00Z');
    expect(w.to).toBe('2026-03-07T15:00:00Z');
  });

  it('keeps a Sunday in its own week', () => {
    expect(weekRange('2026-03-01').first).toBe('2026-03-01');
  });

  it('covers a month with whole weeks', () => {
    // March 2026 begins on a Sunday and ends on a Tuesday: five rows.
    const m = monthRange('2026-03-15');
    expect(m.first).toBe('2026-03-01');
    expect(m.days).toHaveLength(5);
    expect(m.end).toBe('2026-04-05');
    // February 2026 is exactly four weeks, Sunday to Saturday.
    expect(monthRange('2026-02-10').days).toHaveLength(4);
    // August 2026 begins on a Saturday and needs six rows.
    const aug = monthRange('2026-08-20');
    expect(aug.first).toBe('2026-07-26');
    expect(aug.days).toHaveLength(6);
    expect(aug.days.flat()).toContain('2026-08-31');
  });

  it('moves across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
  });

  it('accepts only real dates', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('tomorrow')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('groups appointments by their Seoul day, in time order', () => {
    const g = byDay([
      { id: 'b', starts_at: '2026-03-01T05:00:00Z' },
      { id: 'a', starts_at: '2026-02-28T16:00:00Z' },
      { id: 'c', starts_at: '2026-03-01T16:00:00Z' },
    ]);
    expect([...g.keys()]).toEqual(['2026-03-01', '2026-03-02']);
    expect(g.get('2026-03-01')!.map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('calendar labels', () => {
  it('names months and days in Korean and English', async () => {
    const { monthLabel, dayLabel, weekdayLabel } = await import('./calendar');
    expect(monthLabel('2026-03-15', 'ko')).toBe('2026년 3월');
    expect(monthLabel('2026-03-15', 'en')).toBe('March 2026');
    expect(weekdayLabel('2026-03-01', 'ko')).toBe('일');
    expect(dayLabel('2026-03-01', 'ko')).toContain('3월 1일');
  });
});
