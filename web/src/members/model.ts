// Pure rules of a member's own page: Korea time in her language, which meeting is next, a
// statement's title in her language, what a contact form changed, and what a page load must do
// with a session the browser may still hold (tabSession.ts).
import type { NotesLanguage } from './strings';

const KO_DAYS = ['일', '월', '화', '수', '목', '금', '토'];
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

// "5월 20일 (월) 오후 2:00" / "Mon 20 May, 14:00", always Korea time (UTC+9, no summer time),
// whatever the device's zone; "" when not a time.
export function koreaTime(iso: string, lang: NotesLanguage): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const k = new Date(d.getTime() + 9 * 3_600_000);
  const [month, day, weekday] = [k.getUTCMonth(), k.getUTCDate(), k.getUTCDay()];
  const [hour, minute] = [k.getUTCHours(), String(k.getUTCMinutes()).padStart(2, '0')];
  if (lang === 'en')
    return `${EN_DAYS[weekday]} ${day} ${EN_MONTHS[month]}, ${String(hour).padStart(2, '0')}:${minute}`;
  const period = hour < 12 ? '오전' : '오후';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${month + 1}월 ${day}일 (${KO_DAYS[weekday]}) ${period} ${h12}:${minute}`;
}

// The meetings still ahead (not started more than an hour ago), soonest first.
export function upcoming<T extends { starts_at: string }>(items: readonly T[], now: Date): T[] {
  const from = now.getTime() - 3_600_000;
  return items
    .filter((m) => new Date(m.starts_at).getTime() >= from)
    .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime());
}

// A title in her language; the Korean one when there is no English.
export function titleIn(
  s: { title_ko: string; title_en: string | null | undefined },
  lang: NotesLanguage,
): string {
  return lang === 'en' && s.title_en ? s.title_en : s.title_ko;
}

export function bodyIn(
  s: { body_ko: string; body_en: string | null | undefined },
  lang: NotesLanguage,
): string {
  return lang === 'en' && s.body_en ? s.body_en : s.body_ko;
}

export interface ContactValues {
  contact: string;
  safe_contact: string;
}

// Only what changed, trimmed; an emptied field is sent as "" (the server clears it). Null when
// nothing changed.
export function contactChanges(
  before: { contact: string | null; safe_contact: string | null },
  now: ContactValues,
): Partial<ContactValues> | null {
  const out: Partial<ContactValues> = {};
  for (const key of ['contact', 'safe_contact'] as const) {
    const value = now[key].trim();
    if (value !== (before[key] ?? '').trim()) out[key] = value;
  }
  return Object.keys(out).length ? out : null;
}

// What a page load does with a session the browser may still hold. The tab's marker
// (sessionStorage) is there only when this tab signed in before (a reload): then the session
// may go on. Without it this is a new tab, a restarted browser or someone else's hands: any
// session the browser still carries is signed out before anything is shown.
export function onLoad(hasTabMarker: boolean): 'resume' | 'signOutFirst' {
  return hasTabMarker ? 'resume' : 'signOutFirst';
}
