// The secretariat's view: for a period, every member organization and whether its report is
// filed (and when), in draft, corrected, or not started — a bar of how many have filed, and
// the table beside it. Drafts are the member's own: the secretariat sees only that one exists.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listFilings } from '../api';
import { useLoad } from '../cases/widgets';
import { formatDateTime, seoulToday } from '../i18n/format';
import { ErrorAlert, SelectField } from '../ui';
import { recentPeriods } from './periods';
import { usePeriodText } from './words';
import './reports.css';

export function FilingsPage() {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  const periods = recentPeriods(seoulToday());
  const [period, setPeriod] = useState(periods[0]!);
  const filings = useLoad(() => listFilings(period), [period]);
  const items = filings.data?.items ?? [];
  const filed = items.filter((f) => f.status === 'filed' || f.status === 'corrected').length;
  const share = items.length ? Math.round((filed / items.length) * 100) : 0;
  return (
    <div className="page reports">
      <h1>{t('reports.filings.title')}</h1>
      <p className="page-intro">{t('reports.filings.intro')}</p>
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
      <ErrorAlert error={filings.error} />
      {filings.data && (
        <section className="card" aria-labelledby="filings-title">
          <h2 id="filings-title">
            {t('reports.filings.summary', {
              filed,
              total: items.length,
              period: periodText(period),
            })}
          </h2>
          <div className="report-bar" aria-hidden="true">
            <span style={{ width: `${share}%` }} />
          </div>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="filings-caption">
            <table className="report-filings">
              <caption id="filings-caption">
                {t('reports.filings.caption', { period: periodText(period) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.filings.organization')}</th>
                  <th scope="col">{t('reports.filings.state')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((f) => (
                  <tr key={f.organization.id}>
                    <th scope="row">
                      {f.organization.name}
                      {f.template && (
                        <span className="muted report-form">
                          {t(`reports.template.${f.template}`)}
                        </span>
                      )}
                    </th>
                    <td>
                      <span className={`report-status report-status-${f.status}`}>
                        {t(`reports.filings.status.${f.status}`)}
                      </span>
                      {f.filed_at && (
                        <span className="muted report-form">{formatDateTime(f.filed_at)}</span>
                      )}
                      {f.report_id && (f.status === 'filed' || f.status === 'corrected') && (
                        <>
                          {' '}
                          <Link to={`/reports/${encodeURIComponent(f.report_id)}`}>
                            {t('reports.filings.open')}
                            <span className="visually-hidden"> {f.organization.name}</span>
                          </Link>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
