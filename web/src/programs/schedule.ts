// The pure parts of the program screens: a repeating schedule (weekdays × weeks) expanded into
// sessions in Korea time, attendance rates as text, the marks of an attendance sheet (how many
// are marked, "all present" for those not yet marked, what to send), and day arithmetic.
import type { AttendanceMark, AttendanceRow, SessionInput } from '../api';

export const MAX_SESSIONS_AT_ONCE = 200;

// Weekdays as Date.getUTCDay numbers, Monday first as a Korean week is shown.
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  // 2026-02-31 is not a day.
  if (d.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

// "2026-03-02" plus n days.
export function addDays(date: string, n: number): string {
  const d = dayNumber(date);
  return d === null ? date : dateOf(d + n);
}

// The day in Korea of an instant: "2026-03-02T16:00:00Z" → "2026-03-03".
export function seoulDate(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? '' : new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}

// Korea time (UTC+9, no daylight saving) as RFC 3339 UTC: "2026-03-02" "10:00" →
// "2026-03-02T01:00:00Z".
export function koreaToUtc(date: string, time: string): string | null {
  const d = dayNumber(date);
  const t = TIME.exec(time);
  if (d === null || !t) return null;
  const ms = d * DAY_MS + (Number(t[1]) * 60 + Number(t[2]) - 9 * 60) * 60_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export interface Schedule {
  firstDay: string; // YYYY-MM-DD, the first day the schedule may fall on
  weekdays: readonly number[]; // getUTCDay numbers (0 = Sunday)
  weeks: number; // how many 7-day spans from firstDay
  time: string; // HH:MM in Korea
  minutes: number;
  topic?: string;
}

export type ScheduleProblem = 'firstDay' | 'weekdays' | 'weeks' | 'time' | 'minutes' | 'tooMany';

// The sessions of a schedule, oldest first; or what is wrong with it. A topic, when given, is
// numbered: "바리스타 실습 (1)", "(2)"…
export function expandSchedule(
  s: Schedule,
): { ok: true; sessions: SessionInput[] } | { ok: false; problem: ScheduleProblem } {
  const first = dayNumber(s.firstDay);
  if (first === null) return { ok: false, problem: 'firstDay' };
  const days = [...new Set(s.weekdays)].filter((w) => Number.isInteger(w) && w >= 0 && w <= 6);
  if (days.length === 0) return { ok: false, problem: 'weekdays' };
  if (!Number.isInteger(s.weeks) || s.weeks < 1 || s.weeks > 104)
    return { ok: false, problem: 'weeks' };
  if (!TIME.test(s.time)) return { ok: false, problem: 'time' };
  if (!Number.isInteger(s.minutes) || s.minutes < 10 || s.minutes > 720)
    return { ok: false, problem: 'minutes' };
  const dates: string[] = [];
  for (let n = first; n < first + 7 * s.weeks; n++) {
    if (days.includes(new Date(n * DAY_MS).getUTCDay())) dates.push(dateOf(n));
  }
  if (dates.length > MAX_SESSIONS_AT_ONCE) return { ok: false, problem: 'tooMany' };
  const topic = s.topic?.trim();
  return {
    ok: true,
    sessions: dates.map((date, i) => ({
      starts_at: koreaToUtc(date, s.time)!,
      minutes: s.minutes,
      ...(topic ? { topic: dates.length > 1 ? `${topic} (${i + 1})` : topic } : {}),
    })),
  };
}

// An attendance rate (0..100, or null before any session was taken) as "87%" or "–".
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '–';
  return `${Math.round(Math.max(0, Math.min(100, rate)))}%`;
}

// Where she stands against the pass rate. The server decides `passed` when an enrollment ends
// (null while active; a dropped one did not pass); while active, her rate so far is compared
// with the program's pass rate when it is known.
export type PassState = 'passed' | 'failed' | 'onTrack' | 'behind' | 'pending';

export function passState(
  e: {
    status: 'active' | 'completed' | 'dropped';
    passed: boolean | null;
    attendance: { rate: number | null };
  },
  passRate?: number | null,
): PassState | null {
  if (e.status === 'dropped') return null;
  if (e.status === 'completed') return e.passed ? 'passed' : 'failed';
  if (passRate === null || passRate === undefined || e.attendance.rate === null) return 'pending';
  return e.attendance.rate >= passRate ? 'onTrack' : 'behind';
}

export type Marks = Record<string, AttendanceMark | null>;

export function marksOf(rows: readonly AttendanceRow[]): Marks {
  return Object.fromEntries(rows.map((r) => [r.enrollment_id, r.status]));
}

// How many rows are marked, and how many of each mark.
export function countMarks(marks: Marks): {
  marked: number;
  total: number;
  by: Record<AttendanceMark, number>;
} {
  const by: Record<AttendanceMark, number> = { present: 0, late: 0, absent: 0, excused: 0 };
  let marked = 0;
  const values = Object.values(marks);
  for (const m of values) {
    if (m === null) continue;
    marked++;
    by[m]++;
  }
  return { marked, total: values.length, by };
}

// "All present": everyone not yet marked becomes present; marks already given stay.
export function markRestPresent(marks: Marks): Marks {
  return Object.fromEntries(
    Object.entries(marks).map(([id, m]) => [id, m ?? ('present' as const)]),
  );
}

// The marks to send: every marked row, in the order of the sheet.
export function marksToSend(
  rows: readonly AttendanceRow[],
  marks: Marks,
): { enrollment_id: string; status: AttendanceMark }[] {
  return rows
    .filter((r) => marks[r.enrollment_id])
    .map((r) => ({ enrollment_id: r.enrollment_id, status: marks[r.enrollment_id]! }));
}

// Whether the marks differ from what the server holds.
export function marksChanged(rows: readonly AttendanceRow[], marks: Marks): boolean {
  return rows.some((r) => (marks[r.enrollment_id] ?? null) !== r.status);
}

// The server's reasons for single marks ("marks.1.enrollment_id": "not in this class") placed
// on the rows they concern.
export function errorsByRow(
  fields: Record<string, string>,
  sent: readonly { enrollment_id: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, why] of Object.entries(fields)) {
    const m = /^marks[.[](\d+)/.exec(name);
    const id = m ? sent[Number(m[1])]?.enrollment_id : undefined;
    if (id) out[id] = out[id] ? `${out[id]} ${why}` : why;
  }
  return out;
}
