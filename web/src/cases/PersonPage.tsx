// One person: how she may be contacted (first, and prominently), who she is, her cases with a
// way to open a new one, and her consents.
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { getPerson, listCases, type PersonCategory } from '../api';
import { countryName, languageName } from '../domain/names';
import { currentLanguage } from '../i18n';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ErrorAlert, StatusMessage } from '../ui';
import { formatDay } from './calendar';
import { ConsentsCard } from './ConsentsCard';
import { CaseTable } from './lists';
import { SafeContact, useLoad } from './widgets';

export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const location = useLocation();
  const registered = Boolean((location.state as { registered?: boolean } | null)?.registered);
  const person = useLoad(() => getPerson(personId), [personId]);
  const cases = useLoad(() => listCases({ person_id: personId }), [personId]);

  if (person.error?.status === 404) return <NotFoundPage message={person.error.message || undefined} />;
  const p = person.data;
  return (
    <div className="page">
      <StatusMessage text={registered && p ? t('people.registered', { code: p.code }) : ''} />
      <ErrorAlert error={person.error} />
      {!p && !person.error && <p role="status">{t('app.loading')}</p>}
      {p && (
        <>
          <h1>{p.legal_name}</h1>
          <SafeContact text={p.safe_contact} />
          <dl className="facts card">
            <dt>{t('people.code')}</dt>
            <dd>
              <code>{p.code}</code>
            </dd>
            <dt>{t('people.alias')}</dt>
            <dd>{p.alias ?? t('people.notRecorded')}</dd>
            <dt>{t('people.birthDate')}</dt>
            <dd>{p.birth_date ? formatDay(p.birth_date) : t('people.notRecorded')}</dd>
            <dt>{t('people.phone')}</dt>
            <dd>{p.phone ?? t('people.notRecorded')}</dd>
            <dt>{t('people.nationality')}</dt>
            <dd>{p.nationality ? countryName(p.nationality, currentLanguage()) : t('people.notRecorded')}</dd>
            <dt>{t('people.languages')}</dt>
            <dd>{p.languages.length ? p.languages.map((l) => languageName(l, currentLanguage())).join(', ') : t('people.notRecorded')}</dd>
            <dt>{t('people.categories')}</dt>
            <dd>
              {p.categories.length
                ? p.categories.map((c) => t(`people.category.${c as PersonCategory}`)).join(', ')
                : t('people.notRecorded')}
            </dd>
          </dl>
          <section className="card" aria-labelledby="person-cases">
            <h2 id="person-cases">{t('people.cases')}</h2>
            <p>
              <Link className="button-like" to={`/people/${encodeURIComponent(p.id)}/open-case`}>
                {t('people.openCase')}
              </Link>
            </p>
            <ErrorAlert error={cases.error} />
            {cases.data && <CaseTable cases={cases.data.items} caption={t('people.casesCaption', { name: p.legal_name })} empty={t('people.noCases')} />}
          </section>
          <ConsentsCard personId={p.id} />
        </>
      )}
    </div>
  );
}
