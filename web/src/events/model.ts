// Pure rules of the event screens: which events are upcoming (soonest first) and which are past
// (latest first), Korea time in the form's date-and-time fields, and the people a list shows.
import type { NetworkEvent, Registration, Role } from '../api';

// docs/api-events.md: event.read, event.write and event.attendees are held by these roles.
export const EVENT_ROLES: readonly Role[] = ['advocate', 'org_admin', 'network_admin'];

const KST_MS = 9 * 3_600_000;

// Upcoming (not yet ended) first, the soonest at the top; past events below, the latest first.
export function splitEvents(
  events: readonly NetworkEvent[],
  now: Date,
): { upcoming: NetworkEvent[]; past: NetworkEvent[] } {
  const t = now.getTime();
  const ms = (s: string) => new Date(s).getTime();
  const upcoming = events
    .filter((e) => ms(e.ends_at) > t)
    .sort((a, b) => ms(a.starts_at) - ms(b.starts_at));
  const past = events
    .filter((e) => ms(e.ends_at) <= t)
    .sort((a, b) => ms(b.starts_at) - ms(a.starts_at));
  return { upcoming, past };
}

// An instant as the value of <input type="datetime-local"> in Korea time ("2026-12-10T14:00"),
// whatever the device's own time zone.
export function toKoreaLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + KST_MS).toISOString().slice(0, 16);
}

// A datetime-local value read as Korea time, as RFC 3339 with +09:00; "" when not a time.
export function fromKoreaLocal(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+09:00` : '';
}

// The list's search: by the name the list shows (her alias when she gave one) or the reference.
export function matchesSearch(r: Registration, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const ref = r.reference.toLowerCase();
  return (
    r.name.toLowerCase().includes(q) ||
    ref.includes(q) ||
    ref.replace('-', '').includes(q.replace(/[\s-]/g, ''))
  );
}

// Whole minutes from `then` to `now`, never negative (a phone's clock may run a little ahead).
export function minutesSince(then: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(then).getTime()) / 60_000));
}
