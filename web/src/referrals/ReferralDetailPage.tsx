// One referral as the caller's side sees it: a life-danger override first and for ever, the
// status in words, what the receiver needs to decide (never her name before acceptance), the
// history in words, and the answers this side may give: accept (then a link to the new case)
// or decline for the receiver, withdraw for the sender, the outcome for either once accepted.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  acceptReferral,
  getReferral,
  referralLetterUrl,
  type AgeBand,
  type Referral,
} from '../api';
import { formatDateTime } from '../i18n/format';
import { currentLanguage } from '../i18n';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ConfirmDialog, ErrorAlert, StatusMessage } from '../ui';
import { useSubmission } from '../cases/forms';
import { useLoad } from '../cases/widgets';
import { personLabel } from '../cases/lists';
import { AnswerDialog, type Answer } from './AnswerDialogs';
import { languageNames, otherSide, serviceNames } from './names';
import { UrgencyText } from './ReferralsPage';
import { refusalHint } from './refusals';
import { StatusTag } from './StatusTag';

export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { referralId = '' } = useParams();
  const location = useLocation();
  const referral = useLoad(() => getReferral(referralId), [referralId]);
  const [status, setStatus] = useState(
    (location.state as { sent?: boolean } | null)?.sent ? t('refer.sent') : '',
  );
  const [dialog, setDialog] = useState<Answer | 'accept' | null>(null);
  const [newCase, setNewCase] = useState<string | null>(null);
  const accept = useSubmission();

  if (referral.error?.status === 404)
    return <NotFoundPage message={referral.error.message || undefined} />;
  const r = referral.data;

  async function confirmAccept() {
    if (!r) return;
    const done = await accept.run(() => acceptReferral(r.id));
    setDialog(null);
    // A refused accept (consent revoked, her exclusion) withdraws the referral: read it again.
    void referral.reload();
    if (!done) return;
    setNewCase(done.case_id);
    setStatus(t('referrals.accepted'));
  }

  return (
    <div className="page referral-page">
      <StatusMessage text={status} />
      <ErrorAlert error={referral.error} />
      {!r && !referral.error && <p role="status">{t('app.loading')}</p>}
      {r && (
        <>
          <h1>
            {t('referrals.detailTitle', {
              kind: r.external ? t('refer.externalReferral') : t(`refer.kinds.${r.kind}`),
              from: r.from_org.name,
              to: r.external
                ? t('referrals.external', {
                    name: r.external.name,
                    kind: t(`refer.externalKinds.${r.external.kind}`),
                  })
                : (r.to_org?.name ?? ''),
            })}
          </h1>
          {r.override && (
            <div className="override-banner" role="note" aria-labelledby="referral-override">
              <h2 id="referral-override">{t('referrals.overrideTitle')}</h2>
              <p>
                {t('referrals.overrideBody', {
                  by: r.override.by,
                  at: formatDateTime(r.override.at),
                  reason: r.override.reason,
                })}
              </p>
            </div>
          )}
          <p className="case-tags">
            <StatusTag status={r.status} />
            <UrgencyText urgency={r.urgency} />
            {r.status === 'sent' && r.overdue && (
              <span className="tag tag-overdue">{t('referrals.overdue')}</span>
            )}
          </p>
          {newCase && (
            <p>
              <Link className="button-like" to={`/cases/${encodeURIComponent(newCase)}`}>
                {t('referrals.openNewCase')}
              </Link>
            </p>
          )}
          <ErrorAlert error={accept.error} hint={refusalHint(accept.error, t)} />
          <Actions r={r} onAnswer={setDialog} busy={accept.busy} />
          <Facts r={r} />
          <section className="card" aria-labelledby="referral-history">
            <h2 id="referral-history">{t('referrals.history')}</h2>
            <ol className="timeline">
              {history(r, t).map((e) => (
                <li key={e.key}>
                  <strong>{formatDateTime(e.at)}</strong> {e.text}
                </li>
              ))}
            </ol>
          </section>
          <p>
            <Link to={`/referrals?tab=${r.direction}`}>{t('referrals.back')}</Link>
          </p>
          <ConfirmDialog
            open={dialog === 'accept'}
            title={t('referrals.acceptTitle')}
            confirmLabel={t('referrals.accept')}
            cancelLabel={t('cases.cancel')}
            busy={accept.busy}
            onConfirm={() => void confirmAccept()}
            onClose={() => setDialog(null)}
          >
            <p>{t('referrals.acceptBody')}</p>
          </ConfirmDialog>
          {dialog && dialog !== 'accept' && (
            <AnswerDialog
              r={r}
              answer={dialog}
              onClose={() => setDialog(null)}
              onDone={(changed, message) => {
                setDialog(null);
                referral.setData(changed);
                setStatus(message);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function Actions({
  r,
  onAnswer,
  busy,
}: {
  r: Referral;
  onAnswer: (a: Answer | 'accept') => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const incoming = r.direction === 'incoming';
  const open = r.status === 'sent';
  const completable = r.status === 'accepted' || (r.external !== null && open && !incoming);
  const buttons = [
    incoming && open && (
      <button key="accept" type="button" disabled={busy} onClick={() => onAnswer('accept')}>
        {t('referrals.accept')}
      </button>
    ),
    incoming && open && (
      <button
        key="decline"
        type="button"
        className="button-secondary"
        onClick={() => onAnswer('decline')}
      >
        {t('referrals.decline')}
      </button>
    ),
    !incoming && open && (
      <button
        key="withdraw"
        type="button"
        className="button-secondary"
        onClick={() => onAnswer('withdraw')}
      >
        {t('referrals.withdraw')}
      </button>
    ),
    completable && (
      <button
        key="complete"
        type="button"
        className="button-secondary"
        onClick={() => onAnswer('complete')}
      >
        {t('referrals.complete')}
      </button>
    ),
  ].filter(Boolean);
  return (
    <>
      {buttons.length > 0 && (
        <p className="actions" role="group" aria-label={t('referrals.actions')}>
          {buttons}
        </p>
      )}
      {!incoming && (
        <p>
          <a href={referralLetterUrl(r.id)} target="_blank" rel="noopener">
            {t('referrals.letter')}
          </a>
        </p>
      )}
    </>
  );
}

function Facts({ r }: { r: Referral }) {
  const { t } = useTranslation();
  const unknown = t('referrals.unknown');
  return (
    <section className="card" aria-labelledby="referral-facts">
      <h2 id="referral-facts" className="visually-hidden">
        {t('referrals.about')}
      </h2>
      <dl className="facts">
        <dt>{t('referrals.kind')}</dt>
        <dd>
          {r.external ? t('refer.externalReferral') : t(`refer.kinds.${r.kind}`)}
          {!r.external && <span className="field-hint"> — {t(`refer.kindHints.${r.kind}`)}</span>}
        </dd>
        <dt>{r.direction === 'incoming' ? t('referrals.from') : t('referrals.to')}</dt>
        <dd>{otherSide(r, t)}</dd>
        <dt>{t('referrals.services')}</dt>
        <dd>{serviceNames(r.services, t)}</dd>
        <dt>{t('referrals.ageBand')}</dt>
        <dd>{r.age_band ? t(`people.ageBands.${r.age_band as AgeBand}`) : unknown}</dd>
        <dt>{t('referrals.languages')}</dt>
        <dd>{languageNames(r.languages, currentLanguage()) || unknown}</dd>
        <dt>{t('referrals.region')}</dt>
        <dd>{r.region ? t(`regions.${r.region}`) : unknown}</dd>
        <dt>{t('referrals.note')}</dt>
        <dd className="prose">{r.note || t('referrals.noNote')}</dd>
        <dt>{t('referrals.share')}</dt>
        <dd>
          {r.share.length
            ? r.share.map((f) => t(`refer.fields.${f}`)).join(', ')
            : t('referrals.shareNone')}
        </dd>
        <dt>{t('referrals.sentBy')}</dt>
        <dd>
          {r.sent_by} · {formatDateTime(r.sent_at)}
        </dd>
        {r.status === 'sent' && r.answer_due_at && (
          <>
            <dt>{t('referrals.due')}</dt>
            <dd>{formatDateTime(r.answer_due_at)}</dd>
          </>
        )}
        {r.person && (
          <>
            <dt>{t('referrals.ourPerson')}</dt>
            <dd>
              <Link to={`/people/${encodeURIComponent(r.person.id)}`}>{personLabel(r.person)}</Link>
            </dd>
          </>
        )}
        {r.case && (
          <>
            <dt>{t('referrals.ourCase')}</dt>
            <dd>
              <Link to={`/cases/${encodeURIComponent(r.case.id)}`}>{r.case.number}</Link>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

// The referral's steps in words, oldest first.
export function history(r: Referral, t: TFunction): { key: string; at: string; text: string }[] {
  const receiver = r.to_org?.name ?? r.external?.name ?? '';
  const out = [{ key: 'sent', at: r.sent_at, text: t('referrals.events.sent', { by: r.sent_by }) }];
  if (r.answered_at && r.decline_reason)
    out.push({
      key: 'declined',
      at: r.answered_at,
      text:
        t('referrals.events.declined', {
          org: receiver,
          reason: t(`referrals.declineReasons.${r.decline_reason}`),
        }) + (r.decline_note ? ` — ${r.decline_note}` : ''),
    });
  else if (r.answered_at)
    out.push({
      key: 'accepted',
      at: r.answered_at,
      text: t('referrals.events.accepted', { org: receiver }),
    });
  if (r.withdrawn_at)
    out.push({
      key: 'withdrawn',
      at: r.withdrawn_at,
      text: r.withdraw_reason
        ? t('referrals.events.withdrawnWhy', { reason: r.withdraw_reason })
        : t('referrals.events.withdrawn'),
    });
  if (r.completed_at && r.outcome) {
    const outcome = t(`referrals.outcomes.${r.outcome}`);
    out.push({
      key: 'completed',
      at: r.completed_at,
      text: r.outcome_reason
        ? t('referrals.events.completedWhy', {
            outcome,
            reason: t(`referrals.outcomeReasons.${r.outcome_reason}`),
          })
        : t('referrals.events.completed', { outcome }),
    });
  }
  return out;
}
