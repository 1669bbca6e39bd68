// Names of regions, urgencies and the like in the user's language, tolerant of values this
// version of the app does not know yet (shown as sent).
import type { TFunction } from 'i18next';
import { REGIONS, URGENCIES } from '../api';

type T = TFunction;

export function regionName(code: string, t: T): string {
  return (REGIONS as readonly string[]).includes(code)
    ? t(`regions.${code as (typeof REGIONS)[number]}`)
    : code;
}

export function urgencyName(urgency: string, t: T): string {
  return (URGENCIES as readonly string[]).includes(urgency)
    ? t(`emergency.urgencies.${urgency as (typeof URGENCIES)[number]}`)
    : urgency;
}

const timeFmt = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

// "18:31:05" (Korean time): tells one arrival from the next in the alert.
export function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeFmt.format(d);
}
