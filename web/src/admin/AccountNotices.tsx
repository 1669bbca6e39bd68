// What an org admin must know about her organization's accounts: an administrator created from
// outside it (by a network admin), or a role that reads survivors' records given to one of its
// accounts. Shown above the users list, unread ones only; hidden when there are none.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listNotifications, markNotificationRead, type Notification } from '../api';
import { formatDateTime } from '../i18n/format';

const KINDS: Record<string, 'orgAdminCreated' | 'dataRoleGranted'> = {
  'user.org_admin_created': 'orgAdminCreated',
  'user.data_role_granted': 'dataRoleGranted',
};

export function AccountNotices() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Notification[]>([]);

  useEffect(() => {
    void (async () => {
      const r = await listNotifications();
      if (r.ok) setItems(r.data.items.filter((n) => !n.read_at && n.kind in KINDS));
    })();
  }, []);

  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="account-notices-title">
      <h2 id="account-notices-title">{t('notifications.title', { count: items.length })}</h2>
      <ul>
        {items.map((n) => (
          <li key={n.id}>
            <strong>{formatDateTime(n.at)}</strong>{' '}
            {t(`notifications.${KINDS[n.kind] ?? 'orgAdminCreated'}`, {
              actor: n.actor ?? t('notifications.someone'),
            })}{' '}
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() =>
                void (async () => {
                  const r = await markNotificationRead(n.id);
                  if (r.ok) setItems((list) => list.filter((m) => m.id !== n.id));
                })()
              }
            >
              {t('notifications.markRead')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
