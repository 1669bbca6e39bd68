// Words for a report: the period ("2026년 3분기", "2026 Q3"), a server-given label in the user's
// language, and a figure with its unit ("12명", "340건", "1,200,000원").
import { useTranslation } from 'react-i18next';
import type { Words } from '../api';
import { currentLanguage } from '../i18n';
import { periodWords } from './periods';

export function usePeriodText() {
  const { t } = useTranslation();
  return (period: string) => {
    const { year, quarter } = periodWords(period);
    return quarter ? t('reports.quarter', { year, quarter }) : t('reports.year', { year });
  };
}

export const pick = (w: Words) => (currentLanguage() === 'en' ? w.en : w.ko);

export function useFigure() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage();
  return (value: number, unit: string) => {
    const n = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ko-KR').format(value);
    return i18n.exists(`reports.unit.${unit}`)
      ? t(`reports.unit.${unit}` as 'reports.unit.people', { n })
      : n;
  };
}
