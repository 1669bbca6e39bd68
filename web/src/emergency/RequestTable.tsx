// The list of requests on the board: the reference opens the detail; waiting time and the
// acknowledgement countdown tick; new and overdue requests stand out (by words, not colour only).
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { formatDuration, secondsSince, secondsUntil, type BoardItem } from './board';
import { regionName, urgencyName } from './names';

interface Props {
  items: BoardItem[];
  caption: string;
  now: number;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

export function RequestTable({ items, caption, now, selectedId, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ko';
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="emergency-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('emergency.reference')}</th>
            <th scope="col">{t('emergency.status')}</th>
            <th scope="col">{t('emergency.urgency')}</th>
            <th scope="col">{t('emergency.region')}</th>
            <th scope="col">{t('emergency.received')}</th>
            <th scope="col">{t('emergency.waiting')}</th>
            <th scope="col">{t('emergency.ackDue')}</th>
            <th scope="col">{t('emergency.escalation')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const due = item.status === 'new' ? secondsUntil(item.ack_due_at, now) : null;
            const label = item.reference ?? '…';
            return (
              <tr
                key={item.id}
                className={
                  [
                    item.status === 'new' ? 'row-new' : '',
                    item.id === selectedId ? 'row-selected' : '',
                  ]
                    .join(' ')
                    .trim() || undefined
                }
              >
                <th scope="row">
                  <button
                    type="button"
                    className="button-link"
                    aria-label={t('emergency.openRequest', { reference: label })}
                    aria-pressed={item.id === selectedId}
                    data-request={item.id}
                    onClick={() => onOpen(item.id)}
                  >
                    {label}
                  </button>
                </th>
                <td>
                  <span className={`status status-${item.status}`}>
                    {t(`emergency.statuses.${item.status}`)}
                  </span>
                </td>
                <td>
                  <span className={`urgency urgency-${item.urgency}`}>
                    {urgencyName(item.urgency, t)}
                  </span>
                </td>
                <td>{regionName(item.region, t)}</td>
                <td>{formatDateTime(item.received_at)}</td>
                <td>
                  {item.status === 'new' ||
                  item.status === 'acknowledged' ||
                  item.status === 'dispatched'
                    ? formatDuration(secondsSince(item.received_at, now), lang)
                    : t('emergency.none')}
                </td>
                <td>
                  {due === null ? (
                    t('emergency.none')
                  ) : due < 0 ? (
                    <strong className="overdue">
                      {t('emergency.overdueBy', { time: formatDuration(due, lang) })}
                    </strong>
                  ) : (
                    t('emergency.dueIn', { time: formatDuration(due, lang) })
                  )}
                </td>
                <td>
                  {item.escalation_level > 0
                    ? t('emergency.escalationLevel', { level: item.escalation_level })
                    : t('emergency.notEscalated')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
