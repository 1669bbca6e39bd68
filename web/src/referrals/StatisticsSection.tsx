// The organization's referrals in numbers over a period: how many went out and came in, in
// each state and with each outcome, and the median time to an answer. Counts of the caller's
// organization only (the server's rule).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getReferralStatistics,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralCounts,
} from '../api';
import { ErrorAlert, TextField } from '../ui';
import { seoulDay } from '../cases/calendar';
import { useLoad } from '../cases/widgets';

export function StatisticsSection() {
  const { t } = useTranslation();
  const today: string = seoulDay(new Date());
  const [form, setForm] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [period, setPeriod] = useState(form);
  const stats = useLoad(() => getReferralStatistics(period.from, period.to), [period]);

  function show(e: FormEvent) {
    e.preventDefault();
    setPeriod(form);
  }

  const rows: ['outgoing' | 'incoming', ReferralCounts][] = stats.data
    ? [
        ['outgoing', stats.data.outgoing],
        ['incoming', stats.data.incoming],
      ]
    : [];
  const caption = t('referrals.statsCaption', { from: period.from, to: period.to });
  return (
    <section className="card" aria-labelledby="referral-stats">
      <h2 id="referral-stats">{t('referrals.statsTitle')}</h2>
      <form className="form-grid" onSubmit={show}>
        <TextField
          label={t('referrals.statsFrom')}
          type="date"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <TextField
          label={t('referrals.statsTo')}
          type="date"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <div className="actions">
          <button type="submit" className="button-secondary">
            {t('referrals.statsShow')}
          </button>
        </div>
      </form>
      <ErrorAlert error={stats.error} />
      {rows.length > 0 && (
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.statsDirection')}</th>
                <th scope="col">{t('referrals.statsTotal')}</th>
                {REFERRAL_STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`referrals.statuses.${s}`)}
                  </th>
                ))}
                {REFERRAL_OUTCOMES.map((o) => (
                  <th scope="col" key={o}>
                    {t(`referrals.outcomes.${o}`)}
                  </th>
                ))}
                <th scope="col">{t('referrals.statsMedian')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([direction, c]) => (
                <tr key={direction}>
                  <th scope="row">{t(`referrals.${direction}`)}</th>
                  <td>{c.total}</td>
                  {REFERRAL_STATUSES.map((s) => (
                    <td key={s}>{c.by_status[s] ?? 0}</td>
                  ))}
                  {REFERRAL_OUTCOMES.map((o) => (
                    <td key={o}>{c.by_outcome[o] ?? 0}</td>
                  ))}
                  <td>
                    {c.median_hours_to_answer === null
                      ? t('referrals.statsNoAnswers')
                      : t('referrals.statsHours', {
                          count: Math.round(c.median_hours_to_answer * 10) / 10,
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
