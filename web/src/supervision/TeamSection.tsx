// The team at a glance: each worker's open cases, high-risk cases and cases gone quiet for the
// chosen number of days, as a chart and as a table with the same numbers; and the cases that no
// active worker holds.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTeam, type TeamLoad } from '../api';
import { useLoad } from '../cases/widgets';
import { BarChart, ErrorAlert } from '../ui';
import { TeamCasesSection } from './TeamCasesSection';

const DAY_CHOICES = [14, 30, 60, 90] as const;

function WorkloadTable({ team }: { team: TeamLoad }) {
  const { t } = useTranslation();
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={t('supervision.workloadCaption')}
      tabIndex={0}
    >
      <table>
        <caption>{t('supervision.workloadCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervision.worker')}</th>
            <th scope="col">{t('supervision.openCases')}</th>
            <th scope="col">{t('supervision.highRisk')}</th>
            <th scope="col">{t('supervision.noContact', { days: team.no_contact_days })}</th>
          </tr>
        </thead>
        <tbody>
          {team.workers.map((w) => (
            <tr key={w.user_id}>
              <th scope="row">
                {w.display_name}
                <span className="muted">
                  {' '}
                  ·{' '}
                  {w.roles
                    .filter((r) => r === 'case_worker' || r === 'supervisor')
                    .map((r) => t(`roles.${r}`))
                    .join(', ')}
                </span>
              </th>
              <td>{t('supervision.casesCount', { count: w.open_cases })}</td>
              <td>{t('supervision.casesCount', { count: w.high_risk })}</td>
              <td>{t('supervision.casesCount', { count: w.no_contact })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TeamSection() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const { data, error, reload } = useLoad(() => getTeam(days), [days]);
  const daysId = useId();
  return (
    <>
      <section className="card" aria-labelledby="supervision-team">
        <h2 id="supervision-team">{t('supervision.teamTitle')}</h2>
        <p className="inline-field">
          <label htmlFor={daysId}>{t('supervision.quietFor')}</label>
          <select id={daysId} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {t('supervision.days', { count: d })}
              </option>
            ))}
          </select>
        </p>
        <ErrorAlert error={error} />
        {!data && !error && <p role="status">{t('app.loading')}</p>}
        {data && (
          <>
            {data.unassigned_open_cases > 0 && (
              <p className="alert alert-warning">
                {t('supervision.unassignedCount', { count: data.unassigned_open_cases })}
              </p>
            )}
            <BarChart
              title={t('supervision.chartTitle')}
              series={[t('supervision.openCases'), t('supervision.highRisk')]}
              rows={data.workers.map((w) => ({
                label: w.display_name,
                values: [w.open_cases, w.high_risk],
              }))}
              format={(v) => t('supervision.casesCount', { count: v })}
              none="—"
            />
            <WorkloadTable team={data} />
          </>
        )}
      </section>
      {data && <TeamCasesSection workers={data.workers} onAssigned={() => void reload()} />}
    </>
  );
}
