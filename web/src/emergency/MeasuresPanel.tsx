// Response times on the board: median time to acknowledge and to resolve, by organization and
// by region, as a bar chart with the same numbers in a table.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getEmergencyMeasures,
  listOrganizations,
  type ApiError,
  type Measure,
  type Measures,
} from '../api';
import { ErrorAlert } from '../ui';
import { BarChart } from '../ui';
import { regionName } from './names';

const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);

export function MeasuresPanel() {
  const { t } = useTranslation();
  const [measures, setMeasures] = useState<Measures | null>(null);
  const [orgNames, setOrgNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const m = await getEmergencyMeasures();
    if (m.ok) {
      setMeasures(m.data);
      setError(null);
    } else setError(m.error);
    // Every member organization by name (the secretariat too, which covers no region): the
    // directory is readable by every signed-in user, a page of 50 at a time.
    const names: Record<string, string> = {};
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const o = await listOrganizations(cursor);
      if (!o.ok) break;
      for (const org of o.data.items) names[org.id] = org.name;
      if (!o.data.next_cursor) break;
      cursor = o.data.next_cursor;
    }
    setOrgNames(names);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const groups: { key: string; title: string; rows: (Measure & { label: string })[] }[] = measures
    ? [
        {
          key: 'org',
          title: t('emergency.byOrg'),
          rows: measures.by_org.map((m) => ({ ...m, label: orgNames[m.org_id] ?? m.org_id })),
        },
        {
          key: 'region',
          title: t('emergency.byRegion'),
          rows: measures.by_region.map((m) => ({ ...m, label: regionName(m.region, t) })),
        },
      ]
    : [];
  const fmt = (v: number) => t('emergency.minutes', { value: v });

  return (
    <section className="card measures" aria-labelledby="measures-title">
      <div className="detail-head">
        <h2 id="measures-title">{t('emergency.measuresTitle')}</h2>
        <button type="button" className="button-secondary button-small" onClick={() => void load()}>
          {t('emergency.refresh')}
        </button>
      </div>
      <p className="field-hint">{t('emergency.measuresIntro')}</p>
      <ErrorAlert error={error} />
      {groups.map((g) => (
        <div key={g.key} className="measure-group">
          <h3>{g.title}</h3>
          {g.rows.length === 0 ? (
            <p>{t('emergency.noMeasures')}</p>
          ) : (
            <>
              <BarChart
                title={t('emergency.chartLabel', { group: g.title })}
                series={[t('emergency.medianAck'), t('emergency.medianResolve')]}
                rows={g.rows.map((r) => ({
                  label: r.label,
                  values: [minutes(r.median_ack_seconds), minutes(r.median_resolve_seconds)],
                }))}
                format={fmt}
                none={t('emergency.none')}
              />
              <details>
                <summary>{t('emergency.showTable')}</summary>
                <div className="table-wrap" role="region" aria-label={g.title} tabIndex={0}>
                  <table>
                    <caption>{g.title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          {g.key === 'org' ? t('orgs.name') : t('emergency.region')}
                        </th>
                        <th scope="col">{t('emergency.count')}</th>
                        <th scope="col">{t('emergency.medianAck')}</th>
                        <th scope="col">{t('emergency.medianResolve')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.rows.map((r) => (
                        <tr key={r.label}>
                          <th scope="row">{r.label}</th>
                          <td>{r.count}</td>
                          <td>
                            {r.median_ack_seconds === null
                              ? t('emergency.none')
                              : fmt(minutes(r.median_ack_seconds)!)}
                          </td>
                          <td>
                            {r.median_resolve_seconds === null
                              ? t('emergency.none')
                              : fmt(minutes(r.median_resolve_seconds)!)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
