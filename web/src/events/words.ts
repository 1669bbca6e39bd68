// Words the event screens share: an event's title in the display language, its time span in
// Korea time, a region's name, and how long ago something happened.
import { useTranslation } from 'react-i18next';
import type { NetworkEvent } from '../api';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { minutesSince } from './model';

export const eventTitle = (e: Pick<NetworkEvent, 'title_ko' | 'title_en'>) =>
  currentLanguage() === 'en' && e.title_en ? e.title_en : e.title_ko;

// "2026. 12. 10. 14:00 – 17:00" when it ends the same day, else both ends in full.
export function eventSpan(e: Pick<NetworkEvent, 'starts_at' | 'ends_at'>): string {
  const start = formatDateTime(e.starts_at);
  const end = formatDateTime(e.ends_at);
  const day = (s: string) => s.replace(/,?\s*\d{2}:\d{2}$/, '');
  return day(start) === day(end)
    ? `${start} – ${end.slice(day(end).length).replace(/^,?\s*/, '')}`
    : `${start} – ${end}`;
}

export function useRegionName() {
  const { t } = useTranslation();
  return (code: string) => t(`regions.${code}` as never, { defaultValue: code });
}

// "방금 전", "12분 전", "2시간 5분 전" / "just now", "12 min ago", "2 h 5 min ago".
export function useAgo() {
  const { t } = useTranslation();
  return (then: string, now: Date = new Date()) => {
    const n = minutesSince(then, now);
    if (n < 1) return t('events.checkin.justNow');
    if (n < 60) return t('events.checkin.minutesAgo', { n });
    return t('events.checkin.hoursAgo', { h: Math.floor(n / 60), m: n % 60 });
  };
}
