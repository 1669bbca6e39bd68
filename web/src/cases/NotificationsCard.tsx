// Unread notifications on the caseload home: above all, a supervisor learns here that someone
// broke the glass on a restricted case. Hidden when the server offers none to this user.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listNotifications, markNotificationRead, type Notification } from '../api';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert } from '../ui';
import { useSubmission } from './forms';
import { useLoad } from './widgets';

function describe(n: Notification, t: TFunction): string {
  const actor = n.actor ?? t('notifications.someone');
  if (n.kind === 'referral_overdue') return t('referrals.notifyOverdue');
  if (n.kind.startsWith('referral')) return t('referrals.notifyOther', { actor });
  return n.kind.includes('break_glass')
    ? t('notifications.breakGlass', { actor })
    : t('notifications.other', { actor });
}

export function NotificationsCard() {
  const { t } = useTranslation();
  const notifications = useLoad(listNotifications, []);
  const [hidden, setHidden] = useState<string[]>([]);
  const read = useSubmission();
  if (!notifications.data) return null;
  const unread = notifications.data.items.filter((n) => !n.read_at && !hidden.includes(n.id));

  async function markRead(n: Notification) {
    const r = await read.run(async () => {
      const answer = await markNotificationRead(n.id);
      return answer.ok ? { ok: true as const, data: true } : answer;
    });
    if (r) setHidden((h) => [...h, n.id]);
  }

  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notifications.title', { count: unread.length })}</h2>
      <ErrorAlert error={read.error} />
      {unread.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <ul className="appointment-list">
          {unread.map((n) => (
            <li key={n.id} className="appointment">
              <p>
                <strong>{formatDateTime(n.at)}</strong> {describe(n, t)}{' '}
                {n.case_id && (
                  <Link to={`/cases/${encodeURIComponent(n.case_id)}`}>
                    {t('notifications.openCase')}
                  </Link>
                )}
                {n.referral_id && (
                  <Link to={`/referrals/${encodeURIComponent(n.referral_id)}`}>
                    {t('referrals.notifyOpen')}
                  </Link>
                )}
              </p>
              <button
                type="button"
                className="button-secondary button-small"
                disabled={read.busy}
                onClick={() => void markRead(n)}
              >
                {t('notifications.markRead')}
                <span className="visually-hidden"> {formatDateTime(n.at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
