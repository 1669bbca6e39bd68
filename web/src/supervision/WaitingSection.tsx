// What a supervisor must look at: each break-glass into a restricted case (with the reason the
// worker gave) and each closing of the last 30 days, until she marks it reviewed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getWaiting, markReviewed, type ApiError, type WaitingAct } from '../api';
import { useLoad } from '../cases/widgets';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert, StatusMessage } from '../ui';

function What({ act }: { act: WaitingAct }) {
  const { t } = useTranslation();
  if (act.kind === 'break_glass') {
    return (
      <>
        <p>{t('supervision.brokeGlass', { who: act.actor.display_name })}</p>
        <p className="quoted">
          <span className="field-label">{t('supervision.reasonGiven')}</span>{' '}
          {act.reason ?? t('supervision.reasonGone')}
        </p>
      </>
    );
  }
  return (
    <p>
      {t('supervision.closed', {
        who: act.actor.display_name,
        reason: act.reason_code ? t(`cases.closureReasons.${act.reason_code}`) : '',
      })}
    </p>
  );
}

export function WaitingSection() {
  const { t } = useTranslation();
  const { data, error, setData } = useLoad(getWaiting, []);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const review = async (act: WaitingAct) => {
    const r = await markReviewed(act.kind, act.subject_id);
    if (!r.ok && r.error.status !== 409) {
      setFailure(r.error);
      return;
    }
    setFailure(null);
    setDone(t('supervision.reviewedOne', { number: act.case_number }));
    setData((d) => (d ? { items: d.items.filter((i) => i.subject_id !== act.subject_id) } : d));
  };
  const items = data?.items ?? [];
  return (
    <section className="card" aria-labelledby="supervision-waiting">
      <h2 id="supervision-waiting">{t('supervision.waitingTitle', { count: items.length })}</h2>
      <p className="field-hint">{t('supervision.waitingHint')}</p>
      <ErrorAlert error={error ?? failure} />
      <StatusMessage text={done} />
      {!data && !error && <p role="status">{t('app.loading')}</p>}
      {data && items.length === 0 && <p>{t('supervision.nothingWaiting')}</p>}
      {items.length > 0 && (
        <ul className="waiting-list">
          {items.map((act) => (
            <li key={`${act.kind}-${act.subject_id}`} className="waiting-item">
              <p className="waiting-head">
                <span className={act.kind === 'break_glass' ? 'tag tag-restricted' : 'tag'}>
                  {t(`supervision.kinds.${act.kind}`)}
                </span>{' '}
                <Link to={`/cases/${encodeURIComponent(act.case_id)}`}>{act.case_number}</Link> ·{' '}
                {formatDateTime(act.at)}
              </p>
              <What act={act} />
              <button
                type="button"
                className="button-secondary"
                aria-label={t('supervision.markReviewedOf', {
                  number: act.case_number,
                  kind: t(`supervision.kinds.${act.kind}`),
                })}
                onClick={() => void review(act)}
              >
                {t('supervision.markReviewed')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
