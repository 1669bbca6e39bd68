import { describe, expect, it } from 'vitest';
import type { OnCallShift } from '../api';
import { rosterByDay, rosterWeek, shiftOnDay, shiftSpan } from './roster';

const shift = (id: string, starts_at: string, ends_at: string): OnCallShift => ({
  id,
  user_id: `u-${id}`,
  display_name: id,
  starts_at,
  ends_at,
});

describe('on-call roster', () => {
  it('shows the Seoul week, Sunday first, even when UTC is still on the day before', () => {
    // 2026-03-07 16:00 UTC is Sunday 2026-03-08 01:00 in Seoul: a new week there.
    const w = rosterWeek(new Date('2026-03-07T16:00:00Z'));
    expect(w.days[0]).toBe('2026-03-08');
    expect(w.days).toHaveLength(7);
    expect(w.from).toBe('2026-03-07T15:00:00Z');
    expect(w.to).toBe('2026-03-14T15:00:00Z');
  });

  it('turns a Seoul date and times into UTC', () => {
    expect(shiftSpan('2026-03-02', '09:00', '18:00')).toEqual({
      starts_at: '2026-03-02T00:00:00Z',
      ends_at: '2026-03-02T09:00:00Z',
    });
  });

  it('ends a night shift the next morning', () => {
    expect(shiftSpan('2026-03-02', '22:00', '08:00')).toEqual({
      starts_at: '2026-03-02T13:00:00Z',
      ends_at: '2026-03-02T23:00:00Z',
    });
    expect(shiftSpan('2026-03-02', '09:00', '09:00')).toEqual({
      starts_at: '2026-03-02T00:00:00Z',
      ends_at: '2026-03-03T00:00:00Z',
    });
  });

  it('refuses a missing or malformed part', () => {
    expect(shiftSpan('', '09:00', '18:00')).toBeNull();
    expect(shiftSpan('2026-03-02', '9', '18:00')).toBeNull();
    expect(shiftSpan('2026-03-02', '09:00', '24:00')).toBeNull();
  });

  it('groups shifts by the Seoul days they cover, in start order', () => {
    const days = ['2026-03-02', '2026-03-03', '2026-03-04'];
    const night = shift('night', '2026-03-02T13:00:00Z', '2026-03-02T23:00:00Z'); // Mon 22:00 – Tue 08:00
    const day = shift('day', '2026-03-02T00:00:00Z', '2026-03-02T09:00:00Z'); // Mon 09:00 – 18:00
    const roster = rosterByDay(days, [night, day]);
    expect(roster.map((d) => d.shifts.map((s) => s.id))).toEqual([['day', 'night'], ['night'], []]);
  });

  it('does not put a shift ending at midnight on the next day', () => {
    const evening = shift('evening', '2026-03-02T09:00:00Z', '2026-03-02T15:00:00Z'); // Mon 18:00 – 24:00
    expect(
      rosterByDay(['2026-03-02', '2026-03-03'], [evening]).map((d) => d.shifts.length),
    ).toEqual([1, 0]);
  });

  it('shows a long shift as the part of it on each day, not its start and end times', () => {
    // 30 days from 2026-03-02 09:55 Seoul.
    const long = shift('a', '2026-03-02T00:55:00Z', '2026-04-01T00:55:00Z');
    expect(shiftOnDay('2026-03-02', long)).toEqual({ start: '09:55', end: null });
    expect(shiftOnDay('2026-03-10', long)).toEqual({ start: null, end: null });
    expect(shiftOnDay('2026-04-01', long)).toEqual({ start: null, end: '09:55' });
    const night = shift('b', '2026-03-02T13:00:00Z', '2026-03-02T23:00:00Z');
    expect(shiftOnDay('2026-03-02', night)).toEqual({ start: '22:00', end: null });
    expect(shiftOnDay('2026-03-03', night)).toEqual({ start: null, end: '08:00' });
  });
});
