// Calendar arithmetic for the appointments screens, in Korean time. Korea keeps UTC+9 all year
// (no daylight saving), so a Seoul calendar day is a fixed 24-hour span of UTC. Days are plain
// 'YYYY-MM-DD' strings; weeks start on Sunday, as Korean calendars print them.

import { formatDate } from '../i18n/format';

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Day = string; // YYYY-MM-DD

function toUtcNoon(day: Day): Date {
  return new Date(`${day}T12:00:00Z`);
}

function dayOfUtc(d: Date): Day {
  return d.toISOString().slice(0, 10);
}

export function isDay(value: string | null | undefined): value is Day {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(toUtcNoon(value).getTime()) &&
    dayOfUtc(toUtcNoon(value)) === value
  );
}

// The Seoul calendar day an instant falls on.
export function seoulDay(instant: string | Date): Day {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return dayOfUtc(new Date(d.getTime() + SEOUL_OFFSET_MS));
}

// "HH:MM" in Seoul.
export function seoulTime(instant: string): string {
  return new Date(new Date(instant).getTime() + SEOUL_OFFSET_MS).toISOString().slice(11, 16);
}

export function addDays(day: Day, n: number): Day {
  return dayOfUtc(new Date(toUtcNoon(day).getTime() + n * DAY_MS));
}

export function addMonths(day: Day, n: number): Day {
  const d = toUtcNoon(`${day.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return dayOfUtc(d);
}

// 0 = Sunday … 6 = Saturday.
export function weekday(day: Day): number {
  return toUtcNoon(day).getUTCDay();
}

// The instant a Seoul day begins, as RFC 3339 UTC ("2026-03-01" -> "2026-02-28T15:00:00Z").
export function seoulMidnightUtc(day: Day): string {
  return new Date(toUtcNoon(day).getTime() - 12 * 60 * 60 * 1000 - SEOUL_OFFSET_MS)
    .toISOString()
    .replace('.000Z', 'Z');
}

// A Seoul date and "HH:MM" typed in a form, as RFC 3339 UTC.
export function seoulLocalToUtc(day: Day, time: string): string {
  const [h, m] = time.split(':').map(Number);
  const ms = new Date(seoulMidnightUtc(day)).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60 * 1000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export interface Range {
  days: Day[][]; // rows of seven days
  first: Day; // first day shown
  end: Day; // the day after the last one shown
  from: string; // RFC 3339 UTC, inclusive
  to: string; // RFC 3339 UTC, exclusive
}

function range(first: Day, weeks: number): Range {
  const days: Day[][] = [];
  for (let w = 0; w < weeks; w++)
    days.push(Array.from({ length: 7 }, (_, i) => addDays(first, w * 7 + i)));
  const end = addDays(first, weeks * 7);
  return { days, first, end, from: seoulMidnightUtc(first), to: seoulMidnightUtc(end) };
}

// The Sunday-to-Saturday week holding day.
export function weekRange(day: Day): Range {
  return range(addDays(day, -weekday(day)), 1);
}

// Whole weeks covering the month of day (4 to 6 rows).
export function monthRange(day: Day): Range {
  const firstOfMonth = `${day.slice(0, 7)}-01`;
  const nextMonth = addMonths(firstOfMonth, 1);
  const first = addDays(firstOfMonth, -weekday(firstOfMonth));
  const last = addDays(nextMonth, -1);
  const weeks =
    Math.round(
      (toUtcNoon(addDays(last, 6 - weekday(last))).getTime() - toUtcNoon(first).getTime()) /
        DAY_MS +
        1,
    ) / 7;
  return range(first, weeks);
}

export function inMonth(day: Day, ofDay: Day): boolean {
  return day.slice(0, 7) === ofDay.slice(0, 7);
}

// Items grouped by the Seoul day they start on, each day's items in time order.
export function byDay<T extends { starts_at: string }>(items: readonly T[]): Map<Day, T[]> {
  const out = new Map<Day, T[]>();
  for (const item of [...items].sort((a, b) => a.starts_at.localeCompare(b.starts_at))) {
    const d = seoulDay(item.starts_at);
    out.set(d, [...(out.get(d) ?? []), item]);
  }
  return out;
}

// "2026년 3월 1일" for a plain date.
export function formatDay(day: Day): string {
  return isDay(day) ? formatDate(seoulMidnightUtc(day)) : day;
}

// "2026년 3월" / "March 2026"
export function monthLabel(day: Day, lang: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(toUtcNoon(day));
}

// "3월 1일 (일)" / "Sun 1 Mar": a column or cell heading.
export function dayLabel(day: Day, lang: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(toUtcNoon(day));
}

// "일" / "Sun"
export function weekdayLabel(day: Day, lang: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(toUtcNoon(day));
}
