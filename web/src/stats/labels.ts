// Words for the keys of a statistics answer: a region's name rather than KR-11, "2025년 1분기"
// rather than 2025-Q1. Values the app has no words for (a nationality code, a funding source's
// name) are shown as they are.
import i18next, { type TFunction } from 'i18next';
import type { Dimension } from './tables';

// Where each dimension's values are already named elsewhere in the app.
const VOCABULARY: Partial<Record<Dimension, string>> = {
  service_type: 'services.types',
  region: 'regions',
  org_kind: 'orgKinds',
  situation: 'cases.situations',
  category: 'people.category',
  age_band: 'people.ageBands',
  intake_channel: 'cases.channels',
  legal_kind: 'legal.kinds',
  legal_status: 'legal.statuses',
  shelter_exit_destination: 'shelter.destination',
  referral_outcome: 'referrals.statuses',
  fund_source_kind: 'fund.kind',
};

function word(t: TFunction, key: string): string | undefined {
  return i18next.exists(key) ? t(key as never) : undefined;
}

export function keyLabel(
  t: TFunction,
  dimension: Dimension,
  key: string,
  names: ReadonlyMap<string, string> = new Map(),
  part: 0 | 1 = 1,
): string {
  // Tables of their own shape key their rows by [what, value]: the "what" has its own words.
  if (part === 0 && dimension === 'referral_outcome')
    return t(`stats.keys.direction_${key}` as never);
  if (part === 0 && dimension === 'fund_source_kind') return key; // the source's own name
  if (dimension === 'month') {
    const [year, month] = key.split('-');
    return t('stats.monthLabel', { year, month: Number(month) });
  }
  if (dimension === 'quarter') {
    const [year, q] = key.split('-Q');
    return t('stats.quarterLabel', { year, q });
  }
  if (dimension === 'year') return t('stats.yearLabel', { year: key });
  if (dimension === 'organization') return names.get(key) ?? key;
  const own = word(t, `stats.keys.${key}`);
  const vocabulary = VOCABULARY[dimension];
  return (vocabulary && word(t, `${vocabulary}.${key}`)) ?? own ?? key;
}

// Response times in words: "12분", "3시간 5분", "2일 4시간".
export function durationText(t: TFunction, seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('stats.duration.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('stats.duration.hours', { h: hours, m: minutes % 60 });
  return t('stats.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
