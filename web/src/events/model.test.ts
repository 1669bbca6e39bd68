import type { NetworkEvent, Registration } from '../api';
import { fromKoreaLocal, matchesSearch, minutesSince, splitEvents, toKoreaLocal } from './model';

const ev = (id: string, starts: string, ends: string) =>
  ({ id, starts_at: starts, ends_at: ends }) as NetworkEvent;

describe('the events list', () => {
  it('shows upcoming events soonest first and past ones below, latest first', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    const { upcoming, past } = splitEvents(
      [
        ev('later', '2026-12-20T01:00:00Z', '2026-12-20T03:00:00Z'),
        ev('old', '2026-10-01T01:00:00Z', '2026-10-01T03:00:00Z'),
        ev('now', '2026-12-02T23:00:00Z', '2026-12-03T02:00:00Z'),
        ev('soon', '2026-12-05T01:00:00Z', '2026-12-05T03:00:00Z'),
        ev('recent', '2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z'),
      ],
      now,
    );
    expect(upcoming.map((e) => e.id)).toEqual(['now', 'soon', 'later']);
    expect(past.map((e) => e.id)).toEqual(['recent', 'old']);
  });
});

describe('Korea time in the form', () => {
  it('shows an instant as Korea time whatever the device', () => {
    expect(toKoreaLocal('2026-12-10T05:00:00Z')).toBe('2026-12-10T14:00');
    expect(toKoreaLocal('2026-12-10T20:30:00Z')).toBe('2026-12-11T05:30');
    expect(toKoreaLocal('nonsense')).toBe('');
  });
  it('reads the field as Korea time', () => {
    expect(fromKoreaLocal('2026-12-10T14:00')).toBe('2026-12-10T14:00:00+09:00');
    expect(new Date(fromKoreaLocal('2026-12-10T14:00')).toISOString()).toBe(
      '2026-12-10T05:00:00.000Z',
    );
    expect(fromKoreaLocal('')).toBe('');
    expect(toKoreaLocal(fromKoreaLocal('2026-01-01T00:05'))).toBe('2026-01-01T00:05');
  });
});

describe('the check-in list search', () => {
  const r = { name: '민들레', reference: 'ABCD-2345' } as Registration;
  it('finds her by the name the list shows or by the reference', () => {
    expect(matchesSearch(r, '민들')).toBe(true);
    expect(matchesSearch(r, 'abcd')).toBe(true);
    expect(matchesSearch(r, 'cd23')).toBe(true);
    expect(matchesSearch(r, 'ABCD 2345')).toBe(true);
    expect(matchesSearch(r, '김')).toBe(false);
  });
});

describe('how long ago', () => {
  it('counts whole minutes, never below zero', () => {
    const now = new Date('2026-12-10T05:30:00Z');
    expect(minutesSince('2026-12-10T05:17:40Z', now)).toBe(12);
    expect(minutesSince('2026-12-10T05:31:00Z', now)).toBe(0);
  });
});
