// The two lists that recur on the case screens: cases (caseload, a person's cases) and
// appointments (caseload, calendar list view, a case's appointments). Every appointment row
// carries her safe-contact instructions, since an appointment is when someone contacts her.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Appointment, CasePerson, CaseSummary } from '../api';
import { formatDate, formatDateTime } from '../i18n/format';
import { seoulTime } from './calendar';
import { RiskBadge, SafeContact } from './widgets';

// A person as lists show her: her alias (the name she chose) and her code, not her legal name.
export function personLabel(p: Pick<CasePerson, 'alias' | 'code'>): string {
  return p.alias ? `${p.alias} (${p.code})` : p.code;
}

export function CaseTable({
  cases,
  caption,
  empty,
}: {
  cases: CaseSummary[];
  caption: string;
  empty: string;
}) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="case-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.number')}</th>
            <th scope="col">{t('cases.person')}</th>
            <th scope="col">{t('cases.riskLevel')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.assigned')}</th>
            <th scope="col">{t('cases.lastContact')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link>
                {c.restricted && <span className="tag">{t('cases.restricted')}</span>}
              </th>
              <td>{c.person ? personLabel(c.person) : t('cases.restrictedHidden')}</td>
              <td>
                <RiskBadge level={c.risk_level} />
              </td>
              <td>{t(`cases.statuses.${c.status}`)}</td>
              <td>{c.assigned.map((a) => a.display_name).join(', ') || t('cases.unassigned')}</td>
              <td>{c.last_contact_at ? formatDate(c.last_contact_at) : t('cases.noContactYet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AppointmentList({
  items,
  empty,
  showDate = true,
  actions,
}: {
  items: Appointment[];
  empty: string;
  showDate?: boolean;
  actions?: (a: Appointment) => ReactNode;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="appointment-list">
      {items.map((a) => (
        <li
          key={a.id}
          className={a.status === 'cancelled' ? 'appointment cancelled' : 'appointment'}
        >
          <p className="appointment-when">
            <strong>{showDate ? formatDateTime(a.starts_at) : seoulTime(a.starts_at)}</strong>{' '}
            {t(`calendar.kinds.${a.kind}`)}
            {a.status !== 'scheduled' && (
              <span className="tag">{t(`calendar.statuses.${a.status}`)}</span>
            )}
          </p>
          <p>
            <Link to={`/cases/${encodeURIComponent(a.case_id)}`}>{a.case_number}</Link> ·{' '}
            {a.person ? personLabel(a.person) : t('cases.restrictedHidden')}
            {a.with_whom && <> · {t('calendar.withWhomShort', { who: a.with_whom })}</>}
            {a.place && <> · {t('calendar.placeShort', { place: a.place })}</>}
          </p>
          {a.person && <SafeContact text={a.person.safe_contact} compact />}
          {actions?.(a)}
        </li>
      ))}
    </ul>
  );
}
