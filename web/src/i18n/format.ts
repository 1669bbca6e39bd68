// Dates, times and money the Korean way, whatever the display language: Asia/Seoul time,
// ko-KR ordering (2026. 3. 1. 오후 6:30), whole won.
import type { Language } from '../api';

const TZ = 'Asia/Seoul';

const dateFmt = new Intl.DateTimeFormat('ko-KR', {
  timeZone: TZ,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const dateTimeFmt = new Intl.DateTimeFormat('ko-KR', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const numberFmt = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

function parse(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

// "2026년 3월 1일"
export function formatDate(value: string | Date): string {
  const d = parse(value);
  return d ? dateFmt.format(d) : '';
}

// "2026. 03. 01. 18:30" (Korean time)
export function formatDateTime(value: string | Date): string {
  const d = parse(value);
  return d ? dateTimeFmt.format(d) : '';
}

// Korean UI: "1,200,000원"; English UI: "₩1,200,000".
export function formatWon(amount: number, lang: Language = 'ko'): string {
  const n = numberFmt.format(Math.round(amount));
  return lang === 'ko' ? `${n}원` : `₩${n}`;
}
