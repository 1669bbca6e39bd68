// The on-call roster in Korea time: the week shown, the shifts of each day, and a shift typed
// in the form turned into the RFC 3339 UTC instants the server takes. Night shifts are the norm
// for emergency response, so an end time not after the start time means the next morning.
import {
  addDays,
  seoulDay,
  seoulLocalToUtc,
  seoulTime,
  weekRange,
  type Day,
} from '../cases/calendar';
import type { OnCallShift } from '../api';

export interface RosterDay {
  day: Day;
  shifts: OnCallShift[];
}

// The Sunday-to-Saturday week holding today (Seoul), and the UTC span to ask the server for.
export function rosterWeek(now: Date): { days: Day[]; from: string; to: string } {
  const r = weekRange(seoulDay(now));
  return { days: r.days[0]!, from: r.from, to: r.to };
}

// Each day of the week with the shifts on call during any part of it, in start order; a night
// shift shows on both days it spans.
export function rosterByDay(days: readonly Day[], shifts: readonly OnCallShift[]): RosterDay[] {
  const sorted = [...shifts].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  return days.map((day) => {
    const start = Date.parse(seoulLocalToUtc(day, '00:00'));
    const end = Date.parse(seoulLocalToUtc(addDays(day, 1), '00:00'));
    return {
      day,
      shifts: sorted.filter((s) => Date.parse(s.starts_at) < end && Date.parse(s.ends_at) > start),
    };
  });
}

// The part of a shift that falls on one Seoul day: its start and end times on that day, or null
// where the shift began before the day or goes on after it (a 30-day shift is "all day" on
// every day but its first and last, not "09:55~09:55").
export function shiftOnDay(
  day: Day,
  shift: OnCallShift,
): { start: string | null; end: string | null } {
  const dayStart = Date.parse(seoulLocalToUtc(day, '00:00'));
  const dayEnd = Date.parse(seoulLocalToUtc(addDays(day, 1), '00:00'));
  const s = Date.parse(shift.starts_at);
  const e = Date.parse(shift.ends_at);
  return {
    start: s > dayStart ? seoulTime(shift.starts_at) : null,
    end: e < dayEnd ? seoulTime(shift.ends_at) : null,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// A shift typed as a Seoul date and start/end times, or null when a part is missing or
// malformed (the server then names the fields).
export function shiftSpan(
  day: string,
  start: string,
  end: string,
): { starts_at: string; ends_at: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !TIME.test(start) || !TIME.test(end)) return null;
  const endDay = end <= start ? addDays(day, 1) : day;
  return { starts_at: seoulLocalToUtc(day, start), ends_at: seoulLocalToUtc(endDay, end) };
}
