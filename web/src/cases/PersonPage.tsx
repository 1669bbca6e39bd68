// One person: how she may be contacted (first, and prominently), who she is, her cases with a
// way to open a new one, and her consents. A person with a restricted case whom the worker may
// not see asks her to break the glass on that case (the server names it), then reads again.
// Below her consents, the places she must never be referred to.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { BREAK_GLASS_REQUIRED, getPerson, listCases, type PersonCategory } from '../api';
import { countryName, languageName } from '../domain/names';
import { currentLanguage } from '../i18n';
import { NotFoundPage } from '../pages/NotFoundPage';
import { HerMoney } from '../funds';
import { HerSelfReliance } from '../programs/HerSelfReliance';
import { ExclusionsCard } from '../referrals/ExclusionsCard';
import { ErrorAlert, StatusMessage } from '../ui';
import { BreakGlassDialog } from './BreakGlassDialog';
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

  const restricted = person.error?.code === BREAK_GLASS_REQUIRED && !person.data;
  const glassCase = restricted ? person.error?.refs?.break_glass_cases?.[0] : undefined;
  const [glassOpen, setGlassOpen] = useState(false);
  useEffect(() => setGlassOpen(Boolean(glassCase)), [glassCase]);

  if (person.error?.status === 404)
    return <NotFoundPage message={person.error.message || undefined} />;
  if (restricted) {
    return (
      <div className="page">
        <h1>{t('breakGlass.personTitle')}</h1>
        <p>{t('breakGlass.personBody')}</p>
        <p>
          {glassCase && (
            <>
              <button type="button" onClick={() => setGlassOpen(true)}>
                {t('breakGlass.open')}
              </button>{' '}
            </>
          )}
          <Link to="/people">{t('breakGlass.backToPeople')}</Link>
        </p>
        {glassCase && (
          <BreakGlassDialog
            caseId={glassCase}
            open={glassOpen}
            onClose={() => setGlassOpen(false)}
            onOpened={() => {
              setGlassOpen(false);
              void person.reload();
              void cases.reload();
            }}
          />
        )}
      </div>
    );
  }
  const p = person.data;
  return (
    <div className="page">
      <StatusMessage text={registered && p ? t('people.registered', { code: p.code }) : ''} />
      <ErrorAlert error={person.error} />
      {!p && !person.error && <p role="status">{t('app.loading')}</p>}
      {p && (
        <>
          {/* Received through a referral, she has a legal name only if she agreed to share it. */}
          <h1>{p.legal_name || p.alias || p.code}</h1>
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
            <dd>
              {p.nationality
                ? countryName(p.nationality, currentLanguage())
                : t('people.notRecorded')}
            </dd>
            <dt>{t('people.languages')}</dt>
            <dd>
              {p.languages.length
                ? p.languages.map((l) => languageName(l, currentLanguage())).join(', ')
                : t('people.notRecorded')}
            </dd>
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
            {cases.data && (
              <CaseTable
                cases={cases.data.items}
                caption={t('people.casesCaption', { name: p.legal_name })}
                empty={t('people.noCases')}
              />
            )}
          </section>
          <ConsentsCard personId={p.id} />
          <ExclusionsCard personId={p.id} />
          <HerMoney personId={p.id} />
          <HerSelfReliance personId={p.id} />
        </>
      )}
    </div>
  );
}
