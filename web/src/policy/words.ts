// Words the policy screens share: a score in the display language, a criterion's or
// jurisdiction's name in it, a region's name, and whether the signed-in user edits.
import { useTranslation } from 'react-i18next';
import type { Criterion, CriterionKind, ScoreValue } from '../api';
import { currentLanguage } from '../i18n';
import { formatWon } from '../i18n/format';
import { useSignedIn } from '../session';
import { canEditPolicy, scoreText, type ScoreWords } from './model';

export function useScoreText() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const words: ScoreWords = {
    yes: t('policy.scores.yes'),
    no: t('policy.scores.no'),
    unscored: t('policy.scores.unscored'),
    won: (n) => formatWon(n, lang),
    months: (n) => t('policy.scores.months', { n }),
  };
  return (kind: CriterionKind, value: ScoreValue | undefined) => scoreText(kind, value, words);
}

export const criterionLabel = (c: Pick<Criterion, 'label_ko' | 'label_en'>) =>
  currentLanguage() === 'en' ? c.label_en : c.label_ko;

export const placeName = (p: { name_ko: string; name_en: string }) =>
  currentLanguage() === 'en' ? p.name_en : p.name_ko;

export function useRegionName() {
  const { t } = useTranslation();
  return (code: string | null) =>
    code === null || code === 'KR' ? t('policy.items.nation') : t(`regions.${code}` as never);
}

export function useCanEdit(): boolean {
  return canEditPolicy(useSignedIn().user.roles);
}
