// Dates, times and money in the display language, always in Korea time (Asia/Seoul): every
// member organization works in Korea, whatever the device's own time zone. Korean: "2026년 3월
// 1일", "2026. 03. 01. 18:30", "1,200,000원"; English: "1 March 2026", "1 Mar 2026, 18:30",
// "₩1,200,000".
import i18next from 'i18next';
import type { Language } from '../api';

const TZ = 'Asia/Seoul';

function build(lang: Language) {
  const locale = lang === 'ko' ? 'ko-KR' : 'en-GB';
  return {
    date: new Intl.DateTimeFormat(locale, {
      timeZone: TZ,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }),
    dateTime: new Intl.DateTimeFormat(
      locale,
      lang === 'ko'
        ? {
            timeZone: TZ,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hour12: false,
          }
        : {
            timeZone: TZ,
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hour12: false,
          },
    ),
  };
}

const formats = { ko: build('ko'), en: build('en') };
const numberFmt = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

function lang(): Language {
  return i18next.language === 'en' ? 'en' : 'ko';
}

function parse(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

// "2026년 3월 1일" / "1 March 2026"
export function formatDate(value: string | Date): string {
  const d = parse(value);
  return d ? formats[lang()].date.format(d) : '';
}

// "2026. 03. 01. 18:30" / "1 Mar 2026, 18:30" (Korea time)
export function formatDateTime(value: string | Date): string {
  const d = parse(value);
  return d ? formats[lang()].dateTime.format(d) : '';
}

// Korean UI: "1,200,000원"; English UI: "₩1,200,000".
export function formatWon(amount: number, language: Language = 'ko'): string {
  const n = numberFmt.format(Math.round(amount));
  return language === 'ko' ? `${n}원` : `₩${n}`;
}

// Today in Korea (YYYY-MM-DD), as the server dates a day: a service, a stay, a period.
export const seoulToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
