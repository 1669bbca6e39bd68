// The top of a case page: what anyone opening it must see first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { restrictCase, type Case } from '../api';
import { hasAnyRole } from '../domain/navigation';
import { formatDate, formatDateTime } from '../i18n/format';
import { LinkedReferrals } from '../referrals/LinkedReferrals';
import { useSignedIn } from '../session';
import { ErrorAlert } from '../ui';
import { CloseCaseDialog, ReopenCaseDialog } from './CloseCaseDialogs';
import { useSubmission } from './forms';
import { RiskBadge, SafeContact } from './widgets';

export function CaseHeader({
  c,
  onChanged,
}: {
  c: Case;
  onChanged: (c: Case, message: string) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const { user } = useSignedIn();
  const supervisor = hasAnyRole(user.roles, ['supervisor']);
  const restrict = useSubmission();

  // Only supervisors restrict or open up a case (the server checks it again).
  async function toggleRestricted() {
    const changed = await restrict.run(() => restrictCase(c.id, !c.restricted));
    if (changed)
      onChanged(
        changed,
        changed.restricted ? t('cases.restrictedNow') : t('cases.unrestrictedNow'),
      );
  }
  return (
    <header className="case-header">
      <h1>{t('cases.titleOf', { number: c.number })}</h1>
      <p className="case-tags">
        <span className={`tag status-${c.status}`}>{t(`cases.statuses.${c.status}`)}</span>
        <RiskBadge level={c.risk_level} />
        {c.restricted && <span className="tag tag-restricted">{t('cases.restricted')}</span>}
      </p>
      {c.access === 'break_glass' && <p className="warning-text">{t('breakGlass.active')}</p>}
      <dl className="facts">
        <dt>{t('cases.person')}</dt>
        <dd>
          {/* A person received through a referral has a legal name only if she agreed to share it. */}
          <Link to={`/people/${encodeURIComponent(c.person.id)}`}>
            {c.person.legal_name || c.person.code}
          </Link>
          {c.person.alias && <> ({c.person.alias})</>} · <code>{c.person.code}</code>
        </dd>
        <dt>{t('cases.assigned')}</dt>
        <dd>{c.assigned.map((a) => a.display_name).join(', ') || t('cases.unassigned')}</dd>
        <dt>{t('cases.openedAt')}</dt>
        <dd>{formatDate(c.opened_at)}</dd>
        <dt>{t('cases.lastContact')}</dt>
        <dd>{c.last_contact_at ? formatDateTime(c.last_contact_at) : t('cases.noContactYet')}</dd>
        {c.status === 'closed' && (
          <>
            <dt>{t('cases.closedAt')}</dt>
            <dd>
              {c.closed_at && formatDate(c.closed_at)}
              {c.closure_reason && <> · {t(`cases.closureReasons.${c.closure_reason}`)}</>}
              {c.closure_note && <> · {c.closure_note}</>}
            </dd>
          </>
        )}
      </dl>
      <SafeContact text={c.person.safe_contact} />
      <LinkedReferrals caseId={c.id} />
      <ErrorAlert error={restrict.error} />
      <p className="actions">
        {c.status === 'open' && (
          <Link className="button-like" to={`/cases/${encodeURIComponent(c.id)}/refer`}>
            {t('refer.action')}
          </Link>
        )}
        {supervisor && (
          <button
            type="button"
            className="button-secondary"
            disabled={restrict.busy}
            onClick={() => void toggleRestricted()}
          >
            {c.restricted ? t('cases.unrestrict') : t('cases.restrict')}
          </button>
        )}
        {c.status === 'open' ? (
          <button type="button" className="button-secondary" onClick={() => setDialog('close')}>
            {t('cases.close')}
          </button>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setDialog('reopen')}>
            {t('cases.reopen')}
          </button>
        )}
      </p>
      {dialog === 'close' && (
        <CloseCaseDialog
          c={c}
          open
          onClose={() => setDialog(null)}
          onDone={(changed) => {
            setDialog(null);
            onChanged(changed, t('cases.closed'));
          }}
        />
      )}
      {dialog === 'reopen' && (
        <ReopenCaseDialog
          c={c}
          open
          onClose={() => setDialog(null)}
          onDone={(changed) => {
            setDialog(null);
            onChanged(changed, t('cases.reopened'));
          }}
        />
      )}
    </header>
  );
}
