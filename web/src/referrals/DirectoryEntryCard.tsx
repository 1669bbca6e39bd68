// One member organization as the network sees it: kind, regions, services, languages in words,
// whether it takes referrals now, free beds for a shelter, and, when looked at for one woman,
// whether she excluded it. Never an address (the directory has none).
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../api';
import { currentLanguage } from '../i18n';
import { kindName, languageNames, regionNames, serviceNames } from './names';

export function DirectoryEntryCard({
  entry,
  own = false,
  headingLevel = 2,
}: {
  entry: DirectoryEntry;
  own?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const none = t('directory.noneListed');
  return (
    <article
      className={entry.excluded ? 'card directory-entry entry-excluded' : 'card directory-entry'}
    >
      <H>{entry.name}</H>
      <p className="case-tags">
        {entry.excluded && <span className="tag tag-excluded">{t('directory.excluded')}</span>}
        <span className={entry.accepting ? 'tag tag-accepting' : 'tag'}>
          {entry.accepting ? t('directory.accepting') : t('directory.notAccepting')}
        </span>
        {own && <span className="tag">{t('directory.own')}</span>}
      </p>
      <dl className="facts">
        <dt>{t('directory.kind')}</dt>
        <dd>{kindName(entry, t)}</dd>
        <dt>{t('directory.regions')}</dt>
        <dd>{regionNames(entry.regions, t) || none}</dd>
        <dt>{t('directory.services')}</dt>
        <dd>{serviceNames(entry.services, t) || none}</dd>
        <dt>{t('directory.languages')}</dt>
        <dd>{languageNames(entry.languages, currentLanguage()) || none}</dd>
        {entry.free_beds !== null && (
          <>
            <dt>{t('directory.freeBeds')}</dt>
            <dd>{t('directory.freeBedsValue', { count: entry.free_beds })}</dd>
          </>
        )}
        <dt>{t('directory.responseDays')}</dt>
        <dd>{t('directory.responseDaysValue', { count: entry.response_days })}</dd>
        <dt>{t('directory.intakeContact')}</dt>
        <dd>{entry.intake_contact || t('directory.noContact')}</dd>
      </dl>
    </article>
  );
}
