// One case: the header everyone sees first (number, status, risk, restriction, who is assigned,
// and how she may be contacted), then one section at a time, chosen from a list of links so
// each section has its own address. A restricted case the worker may not read asks her to
// break the glass, then reads it again; so does any case of a woman with a restricted case,
// the glass being broken on the restricted case the server names.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { BREAK_GLASS_REQUIRED, getCase, type ApiError, type Case } from '../api';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ErrorAlert, StatusMessage } from '../ui';
import { BreakGlassDialog } from './BreakGlassDialog';
import { CaseHeader } from './CaseHeader';
import { CASE_SECTIONS, CaseSection, isCaseSection } from './sections';

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '', section = 'overview' } = useParams();
  const location = useLocation();
  const [c, setCase] = useState<Case | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [glassOpen, setGlassOpen] = useState(false);
  const [status, setStatus] = useState(
    (location.state as { opened?: boolean } | null)?.opened ? t('cases.opened') : '',
  );

  const load = useCallback(async () => {
    const r = await getCase(caseId);
    if (r.ok) {
      setCase(r.data);
      setError(null);
    } else {
      setError(r.error);
      if (r.error.code === BREAK_GLASS_REQUIRED) setGlassOpen(true);
    }
  }, [caseId]);

  useEffect(() => {
    setCase(null);
    void load();
  }, [load]);

  // A message belongs to the section it was said on.
  const messageSection = useRef(section);
  useEffect(() => {
    if (messageSection.current === section) return;
    messageSection.current = section;
    setStatus('');
  }, [section]);

  if (error?.status === 404) return <NotFoundPage message={error.message || undefined} />;
  if (!isCaseSection(section)) return <NotFoundPage />;

  if (error?.code === BREAK_GLASS_REQUIRED && !c) {
    return (
      <div className="page">
        <h1>{t('breakGlass.restrictedTitle')}</h1>
        <p>{t('breakGlass.restrictedBody')}</p>
        <p>
          <button type="button" onClick={() => setGlassOpen(true)}>
            {t('breakGlass.open')}
          </button>{' '}
          <Link to="/cases">{t('breakGlass.back')}</Link>
        </p>
        <BreakGlassDialog
          caseId={error.refs?.break_glass_cases?.[0] ?? caseId}
          open={glassOpen}
          onClose={() => setGlassOpen(false)}
          onOpened={() => {
            setGlassOpen(false);
            void load();
          }}
        />
      </div>
    );
  }

  return (
    <div className="page case-page">
      <StatusMessage text={status} />
      <ErrorAlert error={c ? null : error} />
      {!c && !error && <p role="status">{t('app.loading')}</p>}
      {c && (
        <>
          <CaseHeader
            c={c}
            onChanged={(changed, message) => {
              setCase(changed);
              setStatus(message);
            }}
          />
          <nav className="section-nav" aria-label={t('cases.sectionsNav')}>
            <ul>
              {CASE_SECTIONS.map((s) => (
                <li key={s}>
                  <Link
                    to={`/cases/${encodeURIComponent(c.id)}/${s}`}
                    aria-current={s === section ? 'page' : undefined}
                  >
                    {t(`cases.sections.${s}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <section className="card case-section" aria-labelledby="case-section-title">
            <h2 id="case-section-title">{t(`cases.sections.${section}`)}</h2>
            <CaseSection section={section} c={c} onCaseChanged={() => void load()} />
          </section>
        </>
      )}
    </div>
  );
}
