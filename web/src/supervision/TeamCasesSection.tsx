// The organization's open cases with a supervisor's filters (worker, risk, days without
// contact) and reassignment. The filters live in the address, so a filtered list can be
// bookmarked or sent to a colleague.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  listCases,
  RISK_LEVELS,
  type CaseFilter,
  type CaseSummary,
  type RiskLevel,
  type WorkerLoad,
} from '../api';
import { personLabel } from '../cases/lists';
import { RiskBadge, useLoad } from '../cases/widgets';
import { formatDate } from '../i18n/format';
import { ErrorAlert, StatusMessage } from '../ui';
import { ReassignDialog } from './ReassignDialog';

function filterFrom(params: URLSearchParams): CaseFilter {
  const f: CaseFilter = { status: 'open' };
  const worker = params.get('worker');
  const risk = params.get('risk');
  const quiet = params.get('quiet');
  if (worker) f.worker = worker;
  if (risk && (RISK_LEVELS as readonly string[]).includes(risk)) f.risk = risk as RiskLevel;
  if (quiet && /^\d{1,3}$/.test(quiet)) f.no_contact_days = quiet;
  return f;
}

export function TeamCasesSection({
  workers,
  onAssigned,
}: {
  workers: WorkerLoad[];
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const key = JSON.stringify(filter);
  const { data, error, reload } = useLoad(() => listCases(filter), [key]);
  const [reassigning, setReassigning] = useState<CaseSummary | null>(null);
  const [done, setDone] = useState('');
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const cases = data?.items ?? [];
  const ids = { worker: useId(), risk: useId(), quiet: useId() };
  return (
    <section className="card" aria-labelledby="supervision-cases">
      <h2 id="supervision-cases">{t('supervision.casesTitle')}</h2>
      <div className="filters" role="group" aria-label={t('supervision.filters')}>
        <div>
          <label htmlFor={ids.worker}>{t('supervision.worker')}</label>
          <select
            id={ids.worker}
            value={filter.worker ?? ''}
            onChange={(e) => set('worker', e.target.value)}
          >
            <option value="">{t('supervision.everyone')}</option>
            <option value="none">{t('supervision.nobody')}</option>
            {workers.map((w) => (
              <option key={w.user_id} value={w.user_id}>
                {w.display_name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.risk}>{t('cases.riskLevel')}</label>
          <select
            id={ids.risk}
            value={filter.risk ?? ''}
            onChange={(e) => set('risk', e.target.value)}
          >
            <option value="">{t('supervision.anyRisk')}</option>
            {RISK_LEVELS.map((r) => (
              <option key={r} value={r}>
                {t(`cases.risk.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.quiet}>{t('supervision.quietFilter')}</label>
          <select
            id={ids.quiet}
            value={filter.no_contact_days ?? ''}
            onChange={(e) => set('quiet', e.target.value)}
          >
            <option value="">{t('supervision.anyContact')}</option>
            {['14', '30', '60', '90'].map((d) => (
              <option key={d} value={d}>
                {t('supervision.quietAtLeast', { count: Number(d) })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      <StatusMessage text={done} />
      {!data && !error && <p role="status">{t('app.loading')}</p>}
      {data && cases.length === 0 && <p>{t('supervision.noCases')}</p>}
      {cases.length > 0 && (
        <div
          className="table-wrap"
          role="region"
          aria-label={t('supervision.casesCaption', { count: cases.length })}
          tabIndex={0}
        >
          <table className="team-cases">
            <caption>{t('supervision.casesCaption', { count: cases.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.person')}</th>
                <th scope="col">{t('cases.riskLevel')}</th>
                <th scope="col">{t('cases.assigned')}</th>
                <th scope="col">{t('cases.lastContact')}</th>
                <th scope="col">{t('supervision.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link>
                  </td>
                  <td>{c.person ? personLabel(c.person) : t('cases.restrictedHidden')}</td>
                  <td>
                    <RiskBadge level={c.risk_level} />
                  </td>
                  <td>
                    {c.assigned.map((a) => a.display_name).join(', ') || t('cases.unassigned')}
                  </td>
                  <td>
                    {c.last_contact_at ? formatDate(c.last_contact_at) : t('cases.noContactYet')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => setReassigning(c)}
                      aria-label={t('supervision.reassignOf', { number: c.number })}
                    >
                      {t('supervision.reassign')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reassigning && (
        <ReassignDialog
          kase={reassigning}
          workers={workers}
          onClose={() => setReassigning(null)}
          onDone={(number) => {
            setReassigning(null);
            setDone(t('supervision.reassigned', { number }));
            void reload();
            onAssigned();
          }}
        />
      )}
    </section>
  );
}
