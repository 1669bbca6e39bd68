// /reports: an organization's periodic reports — which period is filed, which is in draft, and
// a new draft filled from the records for a period not yet started. The network admin's view
// of the same place is the filing status of every member (FilingsPage).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createReport, listReports, type ReportSummary } from '../api';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { hasAnyRole } from '../domain/navigation';
import { formatDateTime, seoulToday } from '../i18n/format';
import { useSignedIn } from '../session';
import { ErrorAlert, SelectField } from '../ui';
import { FilingsPage } from './FilingsPage';
import { recentPeriods } from './periods';
import { usePeriodText } from './words';
import './reports.css';

function ReportItem({ r }: { r: ReportSummary }) {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  return (
    <li className="report-item">
      <Link to={`/reports/${encodeURIComponent(r.id)}`}>
        {t('reports.itemTitle', { period: periodText(r.period) })}
      </Link>{' '}
      <span className={`report-status report-status-${r.status}`}>
        {t(`reports.status.${r.status}`)}
      </span>
      <span className="muted">
        {' '}
        {r.filed_at
          ? t('reports.filedAt', { at: formatDateTime(r.filed_at) })
          : t('reports.createdAt', { at: formatDateTime(r.created_at) })}
        {r.corrects ? ` · ${t('reports.isCorrection')}` : ''}
      </span>
    </li>
  );
}

export function ReportsPage() {
  const { user } = useSignedIn();
  if (
    hasAnyRole(user.roles, ['network_admin']) &&
    !hasAnyRole(user.roles, ['org_admin', 'supervisor'])
  )
    return <FilingsPage />;
  return <OwnReports canCreate={user.roles.includes('org_admin')} />;
}

function OwnReports({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const periodText = usePeriodText();
  const reports = useLoad(() => listReports(), []);
  const periods = recentPeriods(seoulToday());
  const [period, setPeriod] = useState(periods[0]!);
  const submit = useSubmission();
  const items = reports.data?.items ?? [];
  async function create() {
    const r = await submit.run(() => createReport(period));
    if (r) void navigate(`/reports/${encodeURIComponent(r.id)}`);
  }
  return (
    <div className="page reports">
      <h1>{t('reports.title')}</h1>
      <p className="page-intro">{t('reports.intro')}</p>
      <ErrorAlert error={reports.error} />
      {canCreate && (
        <section className="card" aria-labelledby="report-new-title">
          <h2 id="report-new-title">{t('reports.newTitle')}</h2>
          <p className="muted">{t('reports.newIntro')}</p>
          <ErrorAlert error={submit.error} />
          <SelectField
            label={t('reports.period')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodText(p)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="button" disabled={submit.busy} onClick={() => void create()}>
              {t('reports.create')}
            </button>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="report-list-title">
        <h2 id="report-list-title">{t('reports.listTitle')}</h2>
        {reports.data && items.length === 0 && <p>{t('reports.none')}</p>}
        <ul className="report-list">
          {items.map((r) => (
            <ReportItem key={r.id} r={r} />
          ))}
        </ul>
      </section>
    </div>
  );
}
